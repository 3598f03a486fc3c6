package domain.analysis;

/** Order statistics without sorting. */
final class Select {

    private Select() {
    }

    /** The median (upper median for an even count) of the first {@code count} values; reorders them. */
    static int median(int[] values, int count) {
        int k = count / 2;
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int pivot = values[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return values[k];
    }
}
