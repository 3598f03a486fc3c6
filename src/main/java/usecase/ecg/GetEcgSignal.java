package usecase.ecg;

import domain.InvalidInputException;
import domain.analysis.Beats;
import domain.analysis.Finding;
import domain.analysis.RhythmFindings;
import domain.ecg.EcgKey;
import domain.signal.MinMaxDecimation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import usecase.port.EcgRepository;
import usecase.port.EcgSummary;
import usecase.port.LeadSummary;
import usecase.port.SignalWindow;

/**
 * A window of one lead of one of the caller's ECGs, for a chart: the samples decimated to at most so many min/max
 * buckets, with the beats and the rhythm findings that lie in the window. Reads only the window's stretch of the
 * lead (seek points), so a window of a 24-hour recording costs about what one of a 30-minute one does.
 */
@ApplicationScoped
public class GetEcgSignal {

    public static final int MIN_POINTS = 10;
    public static final int MAX_POINTS = 20_000;

    private final EcgRepository ecgs;

    public GetEcgSignal(EcgRepository ecgs) {
        this.ecgs = ecgs;
    }

    /** @param lead null for the first lead; toS null for the end of the recording */
    public record Query(EcgKey key, String lead, double fromS, Double toS, int maxPoints) {
    }

    /**
     * @param durationS the lead's length in seconds, or null without a sampling rate
     * @param beatCount the number of beats in the window
     * @param beats     the beats in the window (all leads), empty until the analysis is done, and empty when there
     *                  are more than buckets (a chart could not tell them apart; zoom in to see them)
     */
    public record Result(EcgSummary ecg, String lead, double fromS, double toS, Double durationS,
                         MinMaxDecimation points, int beatCount, List<Beat> beats, List<Finding> findings) {
    }

    public record Beat(double timeS, char type) {
    }

    @Transactional
    public Result execute(Query query) {
        if (query.maxPoints() < MIN_POINTS || query.maxPoints() > MAX_POINTS) {
            throw InvalidInputException.of("max_points", "must be between " + MIN_POINTS + " and " + MAX_POINTS);
        }
        if (query.toS() != null && query.toS() < query.fromS()) {
            throw InvalidInputException.of("to_s", "must not be before from_s");
        }
        EcgSummary ecg = ecgs.findSummary(query.key()).orElseThrow(() -> EcgNotFound.of(query.key().id()));
        String lead = query.lead() != null ? query.lead() : ecg.leads().get(0).name();
        LeadSummary summary = ecg.leads().stream().filter(l -> l.name().equals(lead)).findFirst().orElseThrow(() ->
                InvalidInputException.of("lead", "this ECG has no lead " + lead + "; its leads are "
                        + String.join(", ", ecg.leads().stream().map(LeadSummary::name).toList())));
        Integer rate = ecg.samplingRateHz();
        Double duration = rate == null ? null : summary.numberOfSamples() / (double) rate;
        double toS = query.toS() != null ? query.toS() : duration == null ? query.fromS() : Math.max(duration, query.fromS());
        SignalWindow window = ecgs.findSignalWindow(query.key(), lead, query.fromS(), toS)
                .orElseThrow(() -> EcgNotFound.of(query.key().id()));
        MinMaxDecimation points = MinMaxDecimation.of(window.samples(), window.firstSample(), query.maxPoints());
        Beats beats = ecgs.findBeats(query.key()).map(found -> found.beats()).filter(Beats::available).orElse(null);
        int first = beats == null ? 0 : firstAtOrAfter(beats, query.fromS());
        int end = beats == null ? 0 : firstAtOrAfter(beats, toS);
        List<Beat> inWindow = new ArrayList<>();
        if (end - first <= Math.max(points.buckets(), MIN_POINTS)) {
            for (int i = first; i < end; i++) {
                inWindow.add(new Beat(beats.timeSeconds(i), beats.type(i).code()));
            }
        }
        return new Result(ecg, lead, query.fromS(), toS, duration, points, end - first, inWindow,
                findings(ecg, query.fromS(), toS));
    }

    /** Beats are in time order: a binary search, so a window of a 24-hour recording does not walk 100,000 beats. */
    private static int firstAtOrAfter(Beats beats, double fromS) {
        int lo = 0;
        int hi = beats.count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beats.timeSeconds(mid) < fromS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<Finding> findings(EcgSummary ecg, double fromS, double toS) {
        if (ecg.analysis() == null) {
            return List.of();
        }
        return ecg.analysis().find(RhythmFindings.class).map(RhythmFindings::findings).orElse(List.of()).stream()
                .filter(f -> f.endS() >= fromS && f.startS() < toS).toList();
    }
}
