package usecase.ecg;

import domain.analysis.AnalysisReport;
import domain.analysis.AnalysisResult;
import domain.analysis.Analyzer;
import domain.ecg.Ecg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import usecase.port.EcgRepository;

/**
 * Runs every analyzer over a pending ECG and stores the report. Safe to run twice for the same
 * ECG, and safe against a replacement arriving meanwhile: results are only stored for the
 * revision they were computed from.
 */
@ApplicationScoped
public class AnalyseEcg {

    private static final Logger LOG = Logger.getLogger(AnalyseEcg.class.getName());

    private final EcgRepository ecgs;
    private final Clock clock;
    private final List<Analyzer> analyzers;

    @Inject
    public AnalyseEcg(EcgRepository ecgs, Clock clock) {
        this(ecgs, clock, StandardAnalyzers.all());
    }

    public AnalyseEcg(EcgRepository ecgs, Clock clock, List<Analyzer> analyzers) {
        this.ecgs = ecgs;
        this.clock = clock;
        this.analyzers = List.copyOf(analyzers);
    }

    /** Each analyzer sees the results of those before it. */
    private static AnalysisReport runAll(List<Analyzer> analyzers, Ecg ecg) {
        List<AnalysisResult> results = new ArrayList<>(analyzers.size());
        for (Analyzer analyzer : analyzers) {
            results.add(analyzer.analyse(ecg.recording(), new AnalysisReport(results)));
        }
        return new AnalysisReport(results);
    }

    public enum Outcome { ANALYSED, FAILED, SKIPPED }

    public Outcome execute(UUID id) {
        Optional<Ecg> found = ecgs.findPendingForAnalysis(id);
        if (found.isEmpty()) {
            return Outcome.SKIPPED;
        }
        Ecg ecg = found.get();
        AnalysisReport report;
        try {
            report = runAll(analyzers, ecg);
        } catch (RuntimeException | StackOverflowError e) {
            // A recording that breaks an analyzer is marked failed, not left pending to break it again at every start.
            LOG.log(Level.WARNING, "analysis of ECG " + id + " failed", e);
            return ecgs.markFailed(id, ecg.revision(), clock.instant()) ? Outcome.FAILED : Outcome.SKIPPED;
        }
        return ecgs.saveAnalysis(id, ecg.revision(), report, clock.instant()) ? Outcome.ANALYSED : Outcome.SKIPPED;
    }
}
