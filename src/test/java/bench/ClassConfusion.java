package bench;

import domain.analysis.BeatType;

/**
 * Beat classes of matched beats against the reference, by the AAMI classes as de Chazal, O'Dwyer and
 * Reilly (IEEE TBME 2004) map the MIT-BIH symbols: N = {N, L, R, e, j}, S = {A, a, J, S}, V = {V, E},
 * F = {F}, Q = {/, f, Q}. Rows are the reference class, columns Sinus's {@link BeatType} code; paced
 * beats (P) keep a column of their own.
 */
final class ClassConfusion {

    /** The reference classes, in row order. */
    static final String ROWS = "NSVFQ";
    /** Sinus's classes by code, in column order; the first five are the reference classes. */
    static final String COLUMNS = "NSVFQP";
    private static final String[] MEMBERS = {"NLRej", "AaJS", "VE", "F", "/fQ"};

    private final int[][] counts = new int[ROWS.length()][COLUMNS.length()];
    /** Matched beats whose reference symbol is in no AAMI class (B, r, n, ?), left out of the table. */
    private int outsideClasses;

    /** Adds the matched beats of one record. */
    void add(char[] referenceSymbols, int[] matches, BeatType[] detectedTypes) {
        for (int r = 0; r < matches.length; r++) {
            if (matches[r] < 0) {
                continue;
            }
            int row = referenceClass(referenceSymbols[r]);
            if (row < 0) {
                outsideClasses++;
            } else {
                counts[row][COLUMNS.indexOf(detectedTypes[matches[r]].code())]++;
            }
        }
    }

    /** Adds another table's counts, e.g. of another record. */
    void addAll(ClassConfusion other) {
        for (int row = 0; row < counts.length; row++) {
            for (int column = 0; column < counts[row].length; column++) {
                counts[row][column] += other.counts[row][column];
            }
        }
        outsideClasses += other.outsideClasses;
    }

    private static int referenceClass(char symbol) {
        for (int row = 0; row < MEMBERS.length; row++) {
            if (MEMBERS[row].indexOf(symbol) >= 0) {
                return row;
            }
        }
        return -1;
    }

    int count(int row, int column) {
        return counts[row][column];
    }

    int outsideClasses() {
        return outsideClasses;
    }

    /** TP / (TP + FN) over the matched reference beats of the class ({@link #ROWS} letter). */
    double sensitivity(char type) {
        int c = ROWS.indexOf(type);
        int row = 0;
        for (int column = 0; column < COLUMNS.length(); column++) {
            row += counts[c][column];
        }
        return row == 0 ? Double.NaN : (double) counts[c][c] / row;
    }

    /** TP / (TP + FP), FP being the matched beats Sinus gave the class whose reference class differs. */
    double positivePredictivity(char type) {
        int c = ROWS.indexOf(type);
        int column = 0;
        for (int[] row : counts) {
            column += row[c];
        }
        return column == 0 ? Double.NaN : (double) counts[c][c] / column;
    }
}
