package domain.analysis;

import domain.ecg.Signal;
import java.util.Arrays;

/**
 * Fuses the detections of several leads into one beat series. Detections of different leads within
 * 100 ms of each other are one beat. A beat every lead saw is kept; where leads disagree, the leads
 * that saw the beat and those that did not are weighed by how much their detection there looks like
 * that lead's typical beat, so the locally better lead wins. The beat's position is the mean of the
 * positions the leads that saw it found.
 */
final class LeadFusion {

    /** Lead positions travel in 4 bits of a sort key; masks are ints. */
    static final int MAX_LEADS = 16;
    private static final double TOLERANCE_S = 0.100;

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
        float[][] similarity = new float[leads.length][];
        int half = (int) Math.round(0.08 * samplingRateHz);
        for (int lead = 0; lead < leads.length; lead++) {
            similarity[lead] = Morphology.similarity(signals[lead], leads[lead].peaks(),
                    confirmed(clusters, clusterCount, lead, leads[lead].count()), half);
        }
        int[] peaks = new int[clusterCount];
        int[] masks = new int[clusterCount];
        int beats = 0;
        for (int c = 0; c < clusterCount; c++) {
            int[] members = clusters[c];
            double seen = 0;
            double unseen = 0;
            int mask = 0;
            long positionSum = 0;
            int first = Integer.MAX_VALUE;
            for (int lead = 0; lead < leads.length; lead++) {
                if (members[lead] >= 0) {
                    first = Math.min(first, leads[lead].peaks()[members[lead]]);
                }
            }
            for (int lead = 0; lead < leads.length; lead++) {
                if (members[lead] >= 0) {
                    double quality = weight(similarity[lead], members[lead]);
                    seen += quality;
                    mask |= 1 << leadIndices[lead];
                    positionSum += leads[lead].peaks()[members[lead]];
                } else {
                    unseen += weight(similarity[lead], nearest(leads[lead], first));
                }
            }
            if (Integer.bitCount(mask) == leads.length || seen > unseen) {
                peaks[beats] = (int) (positionSum / Integer.bitCount(mask));
                masks[beats] = mask;
                beats++;
            }
        }
        return new Fused(Arrays.copyOf(peaks, beats), Arrays.copyOf(masks, beats));
    }

    /**
     * How much a lead's detection looks like a beat of that lead: the size of its correlation with
     * the lead's typical beat (an inverted ectopic beat still counts; noise correlates with nothing).
     */
    private static double weight(float[] similarity, int detection) {
        return detection < 0 ? 0 : Math.abs(similarity[detection]);
    }

    /** Which of the lead's detections every lead agreed on. */
    private static boolean[] confirmed(int[][] clusters, int count, int lead, int detections) {
        boolean[] out = new boolean[detections];
        for (int c = 0; c < count; c++) {
            boolean all = true;
            for (int member : clusters[c]) {
                all &= member >= 0;
            }
            if (all) {
                out[clusters[c][lead]] = true;
            }
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
