package domain.analysis;

import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rhythm findings from the detected beats, each with the span where it holds:
 * <ul>
 *   <li>bradycardia / tachycardia: the rate from the median of 8 consecutive RR intervals stays below 60 or
 *   above 100 bpm over at least 8 intervals (all of them in a shorter record), trimmed to the
 *   intervals that are themselves beyond the limit; stretches less than 10 s apart are one episode
 *   when the whole still is beyond the limit on average;</li>
 *   <li>pause: an RR interval over 2 s;</li>
 *   <li>atrial fibrillation: windows of 64 RR intervals (between beats neither ventricular nor paced)
 *   that meet all three criteria of Dash et al. (Ann Biomed Eng 2009): normalised RMSSD ≥ 0.1,
 *   Shannon entropy ≥ 0.7 (after dropping the 4 shortest and 4 longest intervals) and a
 *   turning-point ratio within the range expected of random intervals; and whose beats have no P
 *   waves ({@link AtrialActivity}). Overlapping windows form one episode, less any run of 16 beats at
 *   either end that shows P waves (a window's edge reaching into the rhythm around): atrial fibrillation when
 *   it lasts 30 s or more (the ESC 2020 definition of clinical AF), an irregular rhythm when shorter;</li>
 *   <li>premature beats: supraventricular or ventricular premature beats, grouped while no more
 *   than two other beats separate them;</li>
 *   <li>ventricular flutter or fibrillation: the episodes {@link VentricularFibrillationAnalyzer} found,
 *   critical; its waves are no beats, so no RR interval spans one;</li>
 *   <li>paced rhythm: runs of at least 3 paced beats, while no more than two other beats separate them.</li>
 * </ul>
 */
public final class RhythmAnalyzer implements Analyzer {

    private static final double BRADYCARDIA_BPM = 60;
    private static final double TACHYCARDIA_BPM = 100;
    private static final double MIN_GAP_S = 10;
    private static final double PAUSE_S = 2.0;
    private static final int AF_WINDOW = 64;
    private static final int AF_TRIM = 4;
    /** The shortest atrial fibrillation episode reported as such (ESC 2020: AF lasting at least 30 s). */
    private static final double AF_MIN_S = 30;
    private static final int MIN_PACED = 3;
    private static final int EDGE = 16;

    @Override
    public RhythmFindings analyse(Recording recording, AnalysisReport earlier) {
        Beats beats = Analyses.beats(earlier);
        if (!beats.available()) {
            return RhythmFindings.unavailable(beats.unavailableReason());
        }
        if (beats.count() < 2) {
            List<Finding> findings = new ArrayList<>();
            fibrillation(earlier, findings);
            return findings.isEmpty() ? RhythmFindings.unavailable("fewer than 2 beats were detected")
                    : new RhythmFindings(findings, null);
        }
        List<Finding> findings = new ArrayList<>();
        fibrillation(earlier, findings);
        rate(beats, findings);
        pauses(beats, findings);
        irregular(beats, usableSignals(recording, earlier), findings);
        premature(beats, findings);
        paced(beats, findings);
        findings.sort((a, b) -> Double.compare(a.startS(), b.startS()));
        return new RhythmFindings(findings, null);
    }

    private static void fibrillation(AnalysisReport earlier, List<Finding> findings) {
        earlier.find(VentricularFibrillation.class).ifPresent(vf -> {
            for (int e = 0; e < vf.count(); e++) {
                findings.add(new Finding(Finding.Kind.VENTRICULAR_FLUTTER_FIBRILLATION, Decimals.round(vf.startS(e), 3),
                        Decimals.round(vf.endS(e), 3), 0, String.format(Locale.ROOT, "%.0f s without organised beats",
                        vf.endS(e) - vf.startS(e))));
            }
        });
    }

    private static void rate(Beats beats, List<Finding> findings) {
        int intervals = beats.count() - 1;
        int window = Math.min(HeartRateAnalyzer.ROLLING_INTERVALS, intervals);
        double[] rolling = HeartRateAnalyzer.rollingBpm(beats);
        for (Finding.Kind kind : new Finding.Kind[] {Finding.Kind.BRADYCARDIA, Finding.Kind.TACHYCARDIA}) {
            List<int[]> episodes = new ArrayList<>();
            int start = -1;
            for (int end = window; end <= intervals + 1; end++) {
                boolean holds = end <= intervals && beyond(rolling[end - window], kind);
                if (holds && start < 0) {
                    start = end - window;
                } else if (!holds && start >= 0) {
                    int[] episode = trim(beats, new int[] {start, end - 1}, kind);
                    if (episode[1] - episode[0] >= window) {
                        int[] previous = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
                        // a dip of under 10 s between two stretches does not end the episode, if the whole still qualifies
                        if (previous != null && beats.timeSeconds(episode[0]) - beats.timeSeconds(previous[1]) < MIN_GAP_S
                                && beyond(meanBpm(beats, previous[0], episode[1]), kind)) {
                            previous[1] = episode[1];
                        } else {
                            episodes.add(episode);
                        }
                    }
                    start = -1;
                }
            }
            for (int[] episode : episodes) {
                double extreme = kind == Finding.Kind.BRADYCARDIA ? Double.MAX_VALUE : 0;
                for (int end = Math.max(episode[0] + window, window); end <= episode[1]; end++) {
                    double bpm = rolling[end - window];
                    extreme = kind == Finding.Kind.BRADYCARDIA ? Math.min(extreme, bpm) : Math.max(extreme, bpm);
                }
                findings.add(new Finding(kind, at(beats, episode[0]), at(beats, episode[1]),
                        episode[1] - episode[0] + 1, String.format(Locale.ROOT, "mean %.0f bpm, %s %.0f bpm",
                        meanBpm(beats, episode[0], episode[1]), kind == Finding.Kind.BRADYCARDIA ? "slowest" : "fastest",
                        extreme)));
            }
        }
    }

    private static double meanBpm(Beats beats, int first, int last) {
        return 60.0 * (last - first) / (beats.timeSeconds(last) - beats.timeSeconds(first));
    }

    private static boolean beyond(double bpm, Finding.Kind kind) {
        return kind == Finding.Kind.BRADYCARDIA ? bpm < BRADYCARDIA_BPM : bpm > TACHYCARDIA_BPM;
    }

    /** A rolling window that qualifies starts with some intervals that do not: the span starts and ends at ones that do. */
    private static int[] trim(Beats beats, int[] episode, Finding.Kind kind) {
        while (episode[0] < episode[1] && !beyond(60 / beats.rrSeconds(episode[0] + 1), kind)) {
            episode[0]++;
        }
        while (episode[1] > episode[0] && !beyond(60 / beats.rrSeconds(episode[1]), kind)) {
            episode[1]--;
        }
        return episode;
    }

    private static void pauses(Beats beats, List<Finding> findings) {
        for (int i = 1; i < beats.count(); i++) {
            double rr = beats.rrSeconds(i);
            if (rr > PAUSE_S) {
                findings.add(new Finding(Finding.Kind.PAUSE, at(beats, i - 1), at(beats, i),
                        2, String.format(Locale.ROOT, "RR %.2f s", rr)));
            }
        }
    }

    /** The leads fit for analysis (all of them when their quality is not known; none without a recording). */
    private static Signal[] usableSignals(Recording recording, AnalysisReport earlier) {
        if (recording == null) {
            return new Signal[0];
        }
        List<LeadQuality> quality = earlier.find(SignalQuality.class).map(SignalQuality::perLead).orElse(null);
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < recording.leads().size(); i++) {
            if (quality == null || i >= quality.size() || quality.get(i).usable()) {
                out.add(recording.leads().get(i).signal());
            }
        }
        return out.toArray(new Signal[0]);
    }

    /**
     * Whether the {@value #AF_WINDOW} intervals from {@code start} look like atrial fibrillation: irregular as
     * {@link #looksLikeFibrillation} tells, and without P waves ({@link AtrialActivity}) before the beats
     * that end them (indices {@code endBeat} into {@code peaks}).
     */
    static boolean fibrillating(double[] rr, int start, Signal[] signals, int[] peaks, int[] endBeat, int rate) {
        return looksLikeFibrillation(rr, start)
                && (signals.length == 0 || AtrialActivity.absent(signals, peaks, endBeat, start, start + AF_WINDOW, rate));
    }

    private static void irregular(Beats beats, Signal[] signals, List<Finding> findings) {
        // Intervals touching a ventricular beat stay out: atrial fibrillation is irregular conduction
        // of supraventricular beats, while ventricular ectopy (bigeminy, say) is not.
        double[] rr = new double[beats.count()];
        int[] endBeat = new int[beats.count()];
        int intervals = 0;
        for (int i = 1; i < beats.count(); i++) {
            if (supraventricular(beats.type(i)) && supraventricular(beats.type(i - 1)) && !Double.isNaN(beats.rrSeconds(i))) {
                rr[intervals] = beats.rrSeconds(i);
                endBeat[intervals] = i;
                intervals++;
            }
        }
        if (intervals < AF_WINDOW) {
            return;
        }
        int[] peaks = beats.samples();
        int step = AF_WINDOW / 2;
        int episodeStart = -1;
        int episodeEnd = -1;
        for (int from = 0; ; from += step) {
            int start = Math.min(from, intervals - AF_WINDOW);
            boolean irregular = fibrillating(rr, start, signals, peaks, endBeat, beats.samplingRateHz());
            if (irregular && episodeStart >= 0 && start <= episodeEnd) {
                episodeEnd = start + AF_WINDOW - 1;
            } else if (irregular) {
                flush(beats, signals, findings, endBeat, episodeStart, episodeEnd);
                episodeStart = start;
                episodeEnd = start + AF_WINDOW - 1;
            }
            if (start == intervals - AF_WINDOW) {
                break;
            }
        }
        flush(beats, signals, findings, endBeat, episodeStart, episodeEnd);
    }

    private static void flush(Beats beats, Signal[] signals, List<Finding> findings, int[] endBeat,
                              int startInterval, int endInterval) {
        if (startInterval < 0) {
            return;
        }
        // a window counts when most of it fibrillates: its edges may reach into the rhythm around the episode,
        // so stretches of EDGE beats that show P waves are trimmed off both ends
        int[] peaks = beats.samples();
        int rate = beats.samplingRateHz();
        while (signals.length > 0 && endInterval - startInterval >= 2 * EDGE
                && !AtrialActivity.absent(signals, peaks, endBeat, startInterval, startInterval + EDGE, rate)) {
            startInterval += EDGE / 2;
        }
        while (signals.length > 0 && endInterval - startInterval >= 2 * EDGE
                && !AtrialActivity.absent(signals, peaks, endBeat, endInterval + 1 - EDGE, endInterval + 1, rate)) {
            endInterval -= EDGE / 2;
        }
        int first = endBeat[startInterval] - 1;
        int last = endBeat[endInterval];
        boolean sustained = beats.timeSeconds(last) - beats.timeSeconds(first) >= AF_MIN_S;
        findings.add(new Finding(sustained ? Finding.Kind.ATRIAL_FIBRILLATION : Finding.Kind.IRREGULAR_RHYTHM,
                at(beats, first), at(beats, last), last - first + 1, sustained
                        ? "irregular RR intervals typical of atrial fibrillation for 30 s or more"
                        : "RR irregularity typical of atrial fibrillation, shorter than 30 s"));
    }

    /** Whether the beat's timing is the atria's: neither ventricular nor paced. */
    private static boolean supraventricular(BeatType type) {
        return type != BeatType.VENTRICULAR_PREMATURE && type != BeatType.PACED;
    }

    static boolean looksLikeFibrillation(double[] rr, int start) {
        double[] window = Arrays.copyOfRange(rr, start, start + AF_WINDOW);
        int turning = 0;
        for (int i = 1; i < window.length - 1; i++) {
            if ((window[i] > window[i - 1] && window[i] > window[i + 1])
                    || (window[i] < window[i - 1] && window[i] < window[i + 1])) {
                turning++;
            }
        }
        double n = window.length;
        double expectedTurning = (2 * n - 4) / 3;
        double spread = Math.sqrt((16 * n - 29) / 90);
        boolean randomTurning = Math.abs(turning - expectedTurning) <= 2 * spread;
        // RMSSD and entropy on the window without its extremes, which are the isolated ectopic beats
        double[] sorted = window.clone();
        Arrays.sort(sorted);
        double low = sorted[AF_TRIM];
        double high = sorted[sorted.length - 1 - AF_TRIM];
        double sum = 0;
        double squares = 0;
        int kept = 0;
        int pairs = 0;
        int[] histogram = new int[16];
        for (int i = 0; i < window.length; i++) {
            if (window[i] < low || window[i] > high) {
                continue;
            }
            sum += window[i];
            kept++;
            int bin = high == low ? 0 : (int) Math.min(15, (window[i] - low) / (high - low) * 16);
            histogram[bin]++;
            if (i > 0 && window[i - 1] >= low && window[i - 1] <= high) {
                squares += (window[i] - window[i - 1]) * (window[i] - window[i - 1]);
                pairs++;
            }
        }
        double mean = sum / kept;
        double normalisedRmssd = pairs == 0 ? 0 : Math.sqrt(squares / pairs) / mean;
        double entropy = 0;
        for (int count : histogram) {
            if (count > 0) {
                double p = (double) count / kept;
                entropy -= p * Math.log(p);
            }
        }
        entropy /= Math.log(16);
        return normalisedRmssd >= 0.1 && entropy >= 0.7 && randomTurning;
    }

    private static void premature(Beats beats, List<Finding> findings) {
        int first = -1;
        int last = -1;
        int count = 0;
        boolean ventricular = false;
        boolean supraventricular = false;
        for (int i = 0; i <= beats.count(); i++) {
            boolean premature = i < beats.count() && beats.type(i).premature();
            if (premature && first >= 0 && i - last <= 3) {
                last = i;
            } else if (premature) {
                addPremature(beats, findings, first, last, count, ventricular, supraventricular);
                first = i;
                last = i;
                count = 0;
                ventricular = false;
                supraventricular = false;
            }
            if (premature) {
                count++;
                ventricular |= beats.type(i) == BeatType.VENTRICULAR_PREMATURE;
                supraventricular |= beats.type(i) == BeatType.SUPRAVENTRICULAR_PREMATURE;
            }
        }
        addPremature(beats, findings, first, last, count, ventricular, supraventricular);
    }

    private static void addPremature(Beats beats, List<Finding> findings, int first, int last, int count,
                                     boolean ventricular, boolean supraventricular) {
        if (first < 0) {
            return;
        }
        String origin = ventricular && supraventricular ? "ventricular and supraventricular"
                : ventricular ? "ventricular" : "supraventricular";
        findings.add(new Finding(Finding.Kind.PREMATURE_BEATS, at(beats, Math.max(0, first - 1)),
                at(beats, last), count, origin));
    }

    /** Runs of paced beats, while no more than two other beats separate them; runs of at least 3 paced beats count. */
    private static void paced(Beats beats, List<Finding> findings) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i <= beats.count(); i++) {
            boolean paced = i < beats.count() && beats.type(i) == BeatType.PACED;
            if (paced && first >= 0 && i - last <= 3) {
                last = i;
                count++;
            } else if (paced || i == beats.count()) {
                if (count >= MIN_PACED) {
                    findings.add(new Finding(Finding.Kind.PACED_RHYTHM, at(beats, first), at(beats, last), count,
                            String.format(Locale.ROOT, "%d paced beats of %d", count, last - first + 1)));
                }
                first = i;
                last = i;
                count = 1;
            }
        }
    }

    /** A beat's time in seconds, to the millisecond. */
    private static double at(Beats beats, int beat) {
        return Decimals.round(beats.timeSeconds(beat), 3);
    }
}
