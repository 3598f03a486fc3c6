package domain.analysis;

import java.util.Arrays;

/**
 * The spans of ventricular flutter or fibrillation in a recording, as sample ranges {@code [start, end)}
 * in time order; empty when there are none or the recording has no sampling rate.
 */
public final class VentricularFibrillation implements AnalysisResult {

    private final int samplingRateHz;
    private final int[] starts;
    private final int[] ends;

    VentricularFibrillation(int samplingRateHz, int[] starts, int[] ends) {
        this.samplingRateHz = samplingRateHz;
        this.starts = starts.clone();
        this.ends = ends.clone();
    }

    static VentricularFibrillation none() {
        return new VentricularFibrillation(1, new int[0], new int[0]);
    }

    public int count() {
        return starts.length;
    }

    public double startS(int episode) {
        return (double) starts[episode] / samplingRateHz;
    }

    public double endS(int episode) {
        return (double) ends[episode] / samplingRateHz;
    }

    /** Whether the sample lies in an episode. */
    public boolean contains(int sample) {
        int i = Arrays.binarySearch(starts, sample);
        int episode = i >= 0 ? i : -i - 2;
        return episode >= 0 && sample < ends[episode];
    }

    /** Whether an episode lies between the two samples, in part or whole: the interval between them is no RR interval. */
    public boolean interrupts(int from, int to) {
        for (int e = 0; e < starts.length; e++) {
            if (starts[e] < to && ends[e] > from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "VentricularFibrillation[" + starts.length + " episodes]";
    }
}
