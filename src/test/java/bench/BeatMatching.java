package bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ANSI/AAMI EC57 beat-by-beat comparison: a detection matches a reference beat within the
 * tolerance, each used at most once, nearest pairs first.
 */
final class BeatMatching {

    private BeatMatching() {
    }

    record Score(int truePositives, int falseNegatives, int falsePositives, int[] missed, int[] extra) {

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

    static Score score(int[] reference, int[] detected, int tolerance) {
        List<int[]> pairs = new ArrayList<>();
        int start = 0;
        for (int r = 0; r < reference.length; r++) {
            while (start < detected.length && detected[start] < reference[r] - tolerance) {
                start++;
            }
            for (int d = start; d < detected.length && detected[d] <= reference[r] + tolerance; d++) {
                pairs.add(new int[] {Math.abs(detected[d] - reference[r]), r, d});
            }
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        boolean[] referenceUsed = new boolean[reference.length];
        boolean[] detectionUsed = new boolean[detected.length];
        int matched = 0;
        for (int[] pair : pairs) {
            if (!referenceUsed[pair[1]] && !detectionUsed[pair[2]]) {
                referenceUsed[pair[1]] = true;
                detectionUsed[pair[2]] = true;
                matched++;
            }
        }
        return new Score(matched, reference.length - matched, detected.length - matched,
                unused(reference, referenceUsed), unused(detected, detectionUsed));
    }

    private static int[] unused(int[] values, boolean[] used) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!used[i]) {
                out.add(values[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
