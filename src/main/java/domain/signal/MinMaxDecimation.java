package domain.signal;

/**
 * Reduces a stretch of samples to at most a given number of buckets, each keeping the lowest and the highest sample
 * in it, so a chart drawn from the buckets (a vertical stroke from min to max per bucket) shows every spike of the
 * original: a QRS complex of a few samples survives any zoom. Buckets are aligned to multiples of their size in the
 * whole lead, not to the window's start, so a chart panned a little keeps the same buckets and does not shimmer.
 *
 * @param firstSample the lead index of each bucket's first sample
 * @param min         the lowest sample of each bucket
 * @param max         the highest sample of each bucket
 * @param bucketSize  samples per bucket (1: not decimated, then min == max)
 */
public record MinMaxDecimation(int[] firstSample, int[] min, int[] max, int bucketSize) {

    /**
     * @param samples     the window's samples
     * @param offset      the lead index of {@code samples[0]}
     * @param maxBuckets  at most this many buckets (at least 2)
     */
    public static MinMaxDecimation of(int[] samples, int offset, int maxBuckets) {
        if (maxBuckets < 2) {
            throw new IllegalArgumentException("at least 2 buckets");
        }
        int n = samples.length;
        // one bucket more may be cut by the alignment at either end: size for maxBuckets - 1 full buckets
        int size = n <= maxBuckets ? 1 : (int) Math.ceil(n / (double) (maxBuckets - 1));
        int buckets = n == 0 ? 0 : (int) (Math.floorDiv(offset + n - 1, size) - Math.floorDiv(offset, size) + 1);
        int[] first = new int[buckets];
        int[] min = new int[buckets];
        int[] max = new int[buckets];
        int i = 0;
        for (int b = 0; b < buckets; b++) {
            int end = Math.min(n, (Math.floorDiv(offset, size) + b + 1) * size - offset);
            int lo = samples[i];
            int hi = lo;
            first[b] = offset + i;
            for (; i < end; i++) {
                int v = samples[i];
                if (v < lo) {
                    lo = v;
                } else if (v > hi) {
                    hi = v;
                }
            }
            min[b] = lo;
            max[b] = hi;
        }
        return new MinMaxDecimation(first, min, max, size);
    }

    public int buckets() {
        return min.length;
    }
}
