package bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * ANSI/AAMI EC57 beat-by-beat comparison: a detection matches a reference beat within the
 * tolerance, each used at most once, nearest pairs first.
 */
final class BeatMatching {

    private BeatMatching() {
    }

    /**
     * @param matches per reference beat, the index of the detection matched to it, or -1 (missed or
     *                excluded)
     * @param missed  the unmatched reference beats' samples
     * @param extra   the unmatched detections' samples
     */
    record Score(int truePositives, int falseNegatives, int falsePositives, int[] matches, int[] missed, int[] extra) {

        /** Counts alone, e.g. summed over records. */
        static Score counts(int truePositives, int falseNegatives, int falsePositives) {
            return new Score(truePositives, falseNegatives, falsePositives, new int[0], new int[0], new int[0]);
        }

        Score plus(Score other) {
            return counts(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
                    falsePositives + other.falsePositives);
        }

        int referenceBeats() {
            return truePositives + falseNegatives;
        }

        double sensitivity() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double positivePredictivity() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double f1() {
            return ratio(2.0 * truePositives, 2.0 * truePositives + falseNegatives + falsePositives);
        }

        private static double ratio(double a, double b) {
            return b == 0 ? 1 : a / b;
        }
    }

    /** Scores every beat. */
    static Score score(int[] reference, int[] detected, int tolerance) {
        return score(reference, detected, tolerance, sample -> false);
    }

    /**
     * Scores the beats outside the excluded samples: reference beats and detections there are neither
     * matched nor counted (EC57 leaves ventricular flutter and fibrillation out this way).
     */
    static Score score(int[] reference, int[] detected, int tolerance, IntPredicate excluded) {
        int[] references = IntStream.range(0, reference.length).filter(r -> !excluded.test(reference[r])).toArray();
        int[] detections = IntStream.range(0, detected.length).filter(d -> !excluded.test(detected[d])).toArray();
        List<int[]> pairs = new ArrayList<>();
        int start = 0;
        for (int r : references) {
            while (start < detections.length && detected[detections[start]] < reference[r] - tolerance) {
                start++;
            }
            for (int k = start; k < detections.length && detected[detections[k]] <= reference[r] + tolerance; k++) {
                pairs.add(new int[] {Math.abs(detected[detections[k]] - reference[r]), r, detections[k]});
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        int[] matches = new int[reference.length];
        Arrays.fill(matches, -1);
        boolean[] detectionUsed = new boolean[detected.length];
        int matched = 0;
        for (int[] pair : pairs) {
            if (matches[pair[1]] < 0 && !detectionUsed[pair[2]]) {
                matches[pair[1]] = pair[2];
                detectionUsed[pair[2]] = true;
                matched++;
            }
        }
        int[] missed = Arrays.stream(references).filter(r -> matches[r] < 0).map(r -> reference[r]).toArray();
        int[] extra = Arrays.stream(detections).filter(d -> !detectionUsed[d]).map(d -> detected[d]).toArray();
        return new Score(matched, missed.length, extra.length, matches, missed, extra);
    }
}
