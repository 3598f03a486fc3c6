package domain.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDecimationTest {

    @Test
    void aShortWindowIsKeptSampleBySample() {
        MinMaxDecimation d = MinMaxDecimation.of(new int[] {3, -1, 4}, 10, 100);
        assertEquals(1, d.bucketSize());
        assertArrayEquals(new int[] {10, 11, 12}, d.firstSample());
        assertArrayEquals(new int[] {3, -1, 4}, d.min());
        assertArrayEquals(d.min(), d.max());
    }

    @Test
    void aSpikeOfOneSampleSurvivesAnyDecimation() {
        int[] samples = new int[1_000_000]; // e.g. 46 min at 360 Hz
        samples[654_321] = 1500; // an R peak of one sample
        samples[123_456] = -900;
        MinMaxDecimation d = MinMaxDecimation.of(samples, 0, 1000);
        assertTrue(d.buckets() <= 1000, "buckets: " + d.buckets());
        assertEquals(1500, java.util.Arrays.stream(d.max()).max().orElseThrow());
        assertEquals(-900, java.util.Arrays.stream(d.min()).min().orElseThrow());
    }

    @Test
    void bucketsCoverEverySampleOnceAndStayWithinTheLimitWhereverTheWindowStarts() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(50_000);
            int offset = random.nextInt(1_000_000);
            int maxBuckets = 2 + random.nextInt(3000);
            int[] samples = random.ints(n, -5000, 5000).toArray();
            MinMaxDecimation d = MinMaxDecimation.of(samples, offset, maxBuckets);
            assertTrue(d.buckets() <= maxBuckets, n + " samples in " + d.buckets() + " > " + maxBuckets);
            assertEquals(offset, d.firstSample()[0]);
            for (int b = 0; b < d.buckets(); b++) {
                int from = d.firstSample()[b] - offset;
                int to = b + 1 < d.buckets() ? d.firstSample()[b + 1] - offset : n;
                int lo = Integer.MAX_VALUE;
                int hi = Integer.MIN_VALUE;
                for (int i = from; i < to; i++) {
                    lo = Math.min(lo, samples[i]);
                    hi = Math.max(hi, samples[i]);
                }
                assertEquals(lo, d.min()[b]);
                assertEquals(hi, d.max()[b]);
                if (b > 0) {
                    assertEquals(0, (d.firstSample()[b]) % d.bucketSize(), "aligned to the lead, not the window");
                }
            }
        }
    }

    @Test
    void panningKeepsTheSameBuckets() {
        int[] lead = new Random(3).ints(100_000, -1000, 1000).toArray();
        MinMaxDecimation a = MinMaxDecimation.of(java.util.Arrays.copyOfRange(lead, 10_000, 60_000), 10_000, 500);
        MinMaxDecimation b = MinMaxDecimation.of(java.util.Arrays.copyOfRange(lead, 10_037, 60_037), 10_037, 500);
        assertEquals(a.bucketSize(), b.bucketSize());
        // a bucket that lies whole in both windows has the same bounds and values in both
        for (int i = 1; i < a.buckets() - 1; i++) {
            int match = indexOf(b, a.firstSample()[i]);
            if (match > 0 && match < b.buckets() - 1) {
                assertEquals(a.min()[i], b.min()[match]);
                assertEquals(a.max()[i], b.max()[match]);
                assertEquals(a.firstSample()[i + 1], b.firstSample()[match + 1]);
            }
        }
        assertTrue(indexOf(b, a.firstSample()[10]) > 0, "the windows share their inner buckets");
    }

    private static int indexOf(MinMaxDecimation d, int firstSample) {
        for (int i = 0; i < d.buckets(); i++) {
            if (d.firstSample()[i] == firstSample) {
                return i;
            }
        }
        return -1;
    }
}
