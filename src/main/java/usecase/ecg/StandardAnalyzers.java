package usecase.ecg;

import domain.analysis.Analyzer;
import domain.analysis.BeatDetector;
import domain.analysis.HeartRateAnalyzer;
import domain.analysis.HrvAnalyzer;
import domain.analysis.RhythmAnalyzer;
import domain.analysis.SignalQualityAnalyzer;
import domain.analysis.VentricularFibrillationAnalyzer;
import domain.analysis.ZeroCrossingAnalyzer;
import java.util.List;

/**
 * The analyzers every ECG goes through, in order: each may build on the results of those before it
 * (ventricular fibrillation on signal quality; beats on both; heart rate, HRV and rhythm on beats). A new analyzer is added here and
 * nowhere else in the use cases.
 */
public final class StandardAnalyzers {

    private StandardAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(new SignalQualityAnalyzer(), new VentricularFibrillationAnalyzer(), new BeatDetector(), new HeartRateAnalyzer(), new HrvAnalyzer(),
                new RhythmAnalyzer(), new ZeroCrossingAnalyzer());
    }
}
