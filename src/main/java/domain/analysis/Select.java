package domain.analysis;

/** Order statistics without sorting: the one median of the analysis. */
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

    /**
     * The median of the first {@code count} values (the mean of the two middle ones for an even count), or
     * NaN for none; reorders them.
     */
    static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        int k = count / 2;
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            double pivot = values[(lo + hi) >>> 1];
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
                    double t = values[i];
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
        if (count % 2 == 1) {
            return values[k];
        }
        double below = values[0]; // the largest of the values before k, which are all at most values[k]
        for (int i = 1; i < k; i++) {
            below = Math.max(below, values[i]);
        }
        return (below + values[k]) / 2;
    }
}
