package adapters.config;

import domain.ecg.RecordingLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import usecase.ecg.AnalysisPolicy;
import usecase.events.EventPolicy;
import usecase.heartrate.HeartRatePolicy;

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
        SinusConfig.Analysis analysis = config.analysis();
        return new AnalysisPolicy(analysis.maxAttempts(), analysis.claimTimeout(),
                config.instanceId().filter(id -> !id.isBlank()).orElseGet(LimitsProducer::hostName));
    }

    @Produces
    @Singleton
    HeartRatePolicy heartRatePolicy(SinusConfig config) {
        SinusConfig.HeartRate heartRate = config.heartRate();
        return new HeartRatePolicy(heartRate.maxBatch(), heartRate.zoneMaxGap(), heartRate.retention(),
                heartRate.purgeBatch());
    }

    @Produces
    @Singleton
    EventPolicy eventPolicy(SinusConfig config) {
        SinusConfig.Events events = config.events();
        return new EventPolicy(events.retention(), events.maxEvents(), events.purgeBatch(), events.streamBuffer().asLongValue());
    }

    /** The host name as the container or the system states it, without a DNS lookup that could stall the start. */
    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            String fromFile = Files.readString(Path.of("/etc/hostname")).strip();
            return fromFile.isEmpty() ? "sinus" : fromFile;
        } catch (IOException | RuntimeException e) {
            return "sinus";
        }
    }
}
