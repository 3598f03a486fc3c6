package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one median agrees with the median of the sorted values, for odd and even counts and repeated values. */
class SelectTest {

    @Test
    void medianOfDoublesIsTheMiddleOrTheMeanOfTheTwoMiddleValues() {
        Random random = new Random(7);
        for (int n = 1; n <= 60; n++) {
            for (int round = 0; round < 50; round++) {
                double[] values = new double[n + 3];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextInt(round % 2 == 0 ? 5 : 1000) / 8.0; // many ties in half the rounds
                }
                double[] sorted = Arrays.copyOf(values, n);
                Arrays.sort(sorted);
                double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;

                assertEquals(expected, Select.median(values, n), 0.0, Arrays.toString(sorted));
            }
        }
        assertEquals(Double.NaN, Select.median(new double[3], 0));
    }

    @Test
    void medianOfIntsIsTheUpperMedian() {
        Random random = new Random(11);
        for (int n = 1; n <= 60; n++) {
            int[] values = random.ints(n, -50, 50).toArray();
            int[] sorted = values.clone();
            Arrays.sort(sorted);

            assertEquals(sorted[n / 2], Select.median(values, n));
        }
    }
}
