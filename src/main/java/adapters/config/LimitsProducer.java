package adapters.config;

import domain.ecg.RecordingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import usecase.ecg.AnalysisPolicy;

/** The configured limits and policies, as the plain values the use cases and readers take. */
@ApplicationScoped
public class LimitsProducer {

    @Produces
    @Singleton
    RecordingLimits recordingLimits(SinusConfig config) {
        SinusConfig.Ecg ecg = config.ecg();
        return new RecordingLimits(ecg.maxLeads(), ecg.maxSamplesPerLead(), ecg.maxSamples());
    }

    @Produces
    @Singleton
    AnalysisPolicy analysisPolicy(SinusConfig config) {
        return new AnalysisPolicy(config.analysis().maxAttempts());
    }
}
