package domain.analysis;

import domain.ecg.Signal;
import java.util.Arrays;

/**
 * Fuses the detections of several leads into one beat series. Detections of different leads within
 * 100 ms of each other are one beat. A beat every lead saw is kept. Where leads disagree, each lead's
 * reliability there decides: per 10-s window, the share of the lead's RR intervals that repeat one of
 * the three before them within 20 %. Every lead watches the same heart, so a real irregularity
 * (ectopic beats, bigeminy, atrial fibrillation) lowers every lead's share alike, while a lead that
 * counts T waves or misses small complexes breaks its own series into intervals of a half or double
 * length. When the best
 * lead that saw the beat and the best lead that did not differ by {@value #RELIABILITY_GAP} or more,
 * the more reliable one wins. When they are about as reliable, the beat is kept if a lead that did
 * not detect it is nonetheless steep there (a slope of at least {@value #STEEP} of its typical QRS
 * complex's and {@value #ABOVE_FLOOR} times what noise reaches between its beats in that window: its
 * detector missed a complex it shows, as a T wave or noise never is), or else if the detection
 * looks more like its lead's typical beat than the other leads' nearest detections look like theirs.
 * The beat's position is the mean of the positions the leads that saw it found.
 */
final class LeadFusion {

    /** Lead positions travel in 4 bits of a sort key; masks are ints. */
    static final int MAX_LEADS = 16;
    private static final double TOLERANCE_S = 0.100;
    static final double WINDOW_S = 10;
    /** The ventricular refractory period: no two QRS complexes come closer. */
    private static final double REFRACTORY_S = 0.25;
    static final double RELIABILITY_GAP = 0.2;
    private static final double REGULAR_SPREAD = 0.2;
    /** A lead is steep at a moment when its slope there is this share of its typical QRS complex's. */
    static final double STEEP = 0.3;
    /** ... and at least this many times the slope noise reaches between its beats. */
    static final double ABOVE_FLOOR = 2;
    private static final int PATTERN = 3;

    private LeadFusion() {
    }

    /** Fused beats: sample positions and, per beat, a bit mask of the leads (by index in the input) that saw it. */
    record Fused(int[] peaks, int[] leadMasks) {
    }

    static Fused fuse(QrsDetector.Detections[] leads, Signal[] signals, int[] leadIndices, int samplingRateHz) {
        if (leads.length == 1) {
            int[] masks = new int[leads[0].count()];
            Arrays.fill(masks, 1 << leadIndices[0]);
            return new Fused(leads[0].peaks().clone(), masks);
        }
        int total = 0;
        for (QrsDetector.Detections d : leads) {
            total += d.count();
        }
        long[] events = new long[total]; // time << 8 | position in the input arrays
        int k = 0;
        for (int lead = 0; lead < leads.length; lead++) {
            for (int i = 0; i < leads[lead].count(); i++) {
                events[k++] = ((long) leads[lead].peaks()[i] << 24) | ((long) lead << 20) | i;
            }
        }
        Arrays.sort(events);
        int tolerance = (int) Math.round(TOLERANCE_S * samplingRateHz);
        int[][] clusters = new int[total][];
        int clusterCount = 0;
        int e = 0;
        while (e < events.length) {
            int[] members = new int[leads.length];
            Arrays.fill(members, -1);
            int first = (int) (events[e] >>> 24);
            int end = e;
            while (end < events.length && (int) (events[end] >>> 24) - first <= tolerance) {
                int lead = (int) (events[end] >>> 20) & 0xF;
                if (members[lead] >= 0) {
                    break;
                }
                members[lead] = (int) events[end] & 0xFFFFF;
                end++;
            }
            e = end;
            clusters[clusterCount++] = members;
        }
        // shapes are compared only where leads disagree, against each lead's dominant beat
        Morphology.Template[] dominant = new Morphology.Template[leads.length];
        int half = (int) Math.round(0.08 * samplingRateHz);
        for (int lead = 0; lead < leads.length; lead++) {
            dominant[lead] = Morphology.dominant(signals[lead], leads[lead].peaks(), half);
        }
        int window = (int) Math.round(WINDOW_S * samplingRateHz);
        double[][] reliability = new double[leads.length][];
        for (int lead = 0; lead < leads.length; lead++) {
            reliability[lead] = reliability(leads[lead].peaks(), window, signals[lead].length());
        }
        double[] typicalSteepness = new double[leads.length];
        double[][] floor = new double[leads.length][];
        for (int lead = 0; lead < leads.length; lead++) {
            int[] p = leads[lead].peaks();
            double[] values = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                values[i] = Morphology.steepness(signals[lead], p[i], samplingRateHz);
            }
            typicalSteepness[lead] = p.length == 0 ? Double.MAX_VALUE : Select.median(values, p.length);
            floor[lead] = steepnessBetweenBeats(signals[lead], p, window, samplingRateHz);
        }
        int[] peaks = new int[clusterCount];
        int[] masks = new int[clusterCount];
        double[] strength = new double[clusterCount];
        int refractory = (int) Math.round(REFRACTORY_S * samplingRateHz);
        int beats = 0;
        for (int c = 0; c < clusterCount; c++) {
            int[] members = clusters[c];
            int mask = 0;
            long positionSum = 0;
            int first = Integer.MAX_VALUE;
            for (int lead = 0; lead < leads.length; lead++) {
                if (members[lead] >= 0) {
                    int at = leads[lead].peaks()[members[lead]];
                    first = Math.min(first, at);
                    mask |= 1 << leadIndices[lead];
                    positionSum += at;
                }
            }
            boolean everyLead = Integer.bitCount(mask) == leads.length;
            int w = Math.min(first / window, reliability[0].length - 1);
            double seenReliability = 0;
            double unseenReliability = 0;
            for (int lead = 0; lead < leads.length; lead++) {
                if (members[lead] >= 0) {
                    seenReliability = Math.max(seenReliability, reliability[lead][w]);
                } else {
                    unseenReliability = Math.max(unseenReliability, reliability[lead][w]);
                }
            }
            boolean keep = everyLead;
            if (!everyLead) {
                // shares are ratios: 1.0 - 0.8 comes out a hair below 0.2
                boolean clearer = Math.abs(seenReliability - unseenReliability) >= RELIABILITY_GAP - 1e-9;
                keep = clearer ? seenReliability > unseenReliability
                        : steepElsewhere(members, first, w, signals, typicalSteepness, floor, samplingRateHz)
                        || looksMoreLikeABeat(members, first, leads, signals, dominant);
            }
            if (keep) {
                int at = (int) (positionSum / Integer.bitCount(mask));
                double score = everyLead ? Double.MAX_VALUE : seenReliability;
                // two beats within the refractory period cannot both be QRS complexes: unless every lead saw both,
                // the better-supported one stays
                if (beats > 0 && at - peaks[beats - 1] < refractory && !(everyLead && strength[beats - 1] == Double.MAX_VALUE)) {
                    if (score <= strength[beats - 1]) {
                        continue;
                    }
                    beats--;
                }
                peaks[beats] = at;
                masks[beats] = mask;
                strength[beats] = score;
                beats++;
            }
        }
        return new Fused(Arrays.copyOf(peaks, beats), Arrays.copyOf(masks, beats));
    }

    /**
     * Per window of {@code window} samples, the share of the RR intervals ending in it that lie within
     * {@value #REGULAR_SPREAD} of one of the {@value #PATTERN} intervals before them (a bigeminal pattern
     * repeats too); 0 for a window with fewer than two intervals.
     */
    static double[] reliability(int[] peaks, int window, int length) {
        double[] out = new double[Math.max(1, (length + window - 1) / window)];
        int[] regular = new int[out.length];
        int[] counted = new int[out.length];
        for (int i = 4; i < peaks.length; i++) {
            int w = Math.min(out.length - 1, peaks[i] / window);
            int rr = peaks[i] - peaks[i - 1];
            boolean repeats = false;
            for (int back = 1; back <= PATTERN && !repeats; back++) {
                int earlier = peaks[i - back] - peaks[i - back - 1];
                repeats = Math.abs(rr - earlier) < REGULAR_SPREAD * earlier;
            }
            regular[w] += repeats ? 1 : 0;
            counted[w]++;
        }
        for (int w = 0; w < out.length; w++) {
            out[w] = counted[w] < 2 ? 0 : (double) regular[w] / counted[w];
        }
        return out;
    }

    /** Whether a lead that did not detect the beat is nonetheless steep there: its detector missed a complex it shows. */
    private static boolean steepElsewhere(int[] members, int at, int w, Signal[] signals, double[] typicalSteepness,
                                          double[][] floor, int rate) {
        for (int lead = 0; lead < members.length; lead++) {
            if (members[lead] < 0) {
                double steep = Morphology.steepness(signals[lead], at, rate);
                if (steep >= STEEP * typicalSteepness[lead] && steep >= ABOVE_FLOOR * floor[lead][w]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the detections of the leads that saw the beat look more like their leads' dominant beats than
     * the nearest detections of the leads that did not look like theirs.
     */
    private static boolean looksMoreLikeABeat(int[] members, int at, QrsDetector.Detections[] leads, Signal[] signals,
                                              Morphology.Template[] dominant) {
        double seen = 0;
        double unseen = 0;
        for (int lead = 0; lead < members.length; lead++) {
            if (members[lead] >= 0) {
                seen += weight(dominant[lead], signals[lead], leads[lead], members[lead]);
            } else {
                unseen += weight(dominant[lead], signals[lead], leads[lead], nearest(leads[lead], at));
            }
        }
        return seen > unseen;
    }

    /**
     * How much a lead's detection looks like a beat of that lead: the size of its correlation with
     * the lead's typical beat (an inverted ectopic beat still counts; noise correlates with nothing).
     */
    private static double weight(Morphology.Template dominant, Signal signal, QrsDetector.Detections lead, int detection) {
        return detection < 0 ? 0 : Math.abs(dominant.correlation(signal, lead.peaks()[detection]));
    }

    /**
     * Per window, the median steepness halfway between consecutive detections, where no QRS complex
     * is: the slope that noise alone reaches there (0 for a window with none).
     */
    static double[] steepnessBetweenBeats(Signal signal, int[] peaks, int window, int rate) {
        double[] out = new double[Math.max(1, (signal.length() + window - 1) / window)];
        double[] values = new double[peaks.length];
        int i = 1;
        for (int w = 0; w < out.length; w++) {
            int count = 0;
            while (i < peaks.length && peaks[i] < (long) (w + 1) * window) {
                values[count++] = Morphology.steepness(signal, (peaks[i - 1] + peaks[i]) >>> 1, rate);
                i++;
            }
            out[w] = count == 0 ? 0 : Select.median(values, count);
        }
        return out;
    }

    /** The lead's detection nearest to {@code at}, or -1 for a lead that saw nothing. */
    private static int nearest(QrsDetector.Detections lead, int at) {
        int[] peaks = lead.peaks();
        if (peaks.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(peaks, at);
        if (i >= 0) {
            return i;
        }
        int after = -i - 1;
        int before = after - 1;
        if (after >= peaks.length || (before >= 0 && at - peaks[before] <= peaks[after] - at)) {
            return before;
        }
        return after;
    }
}
