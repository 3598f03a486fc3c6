package domain.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The detected heart beats of a recording, in time order, held in primitive arrays so that a
 * 24-hour Holter record's 100,000 beats stay small. Unavailable (with the reason) when beats
 * cannot be detected, e.g. without a sampling rate.
 */
public final class Beats implements AnalysisResult {

    private final int samplingRateHz;
    private final int[] samples;
    private final int[] leadMasks;
    private final BeatType[] types;
    private final List<String> leadNames;
    private final int[] breaks;
    private final String unavailableReason;

    /**
     * @param samples   the R peak of each beat as a sample index, ascending
     * @param leadMasks per beat, bit i set when lead i of {@code leadNames} saw it
     * @param types     per beat, its class
     */
    public Beats(int samplingRateHz, int[] samples, int[] leadMasks, BeatType[] types, List<String> leadNames) {
        this(samplingRateHz, samples, leadMasks, types, leadNames, new int[0]);
    }

    /**
     * @param breaks ascending indices of the beats that follow a stretch without organised beats (ventricular
     *               fibrillation): the time since the previous beat is no RR interval
     */
    Beats(int samplingRateHz, int[] samples, int[] leadMasks, BeatType[] types, List<String> leadNames, int[] breaks) {
        if (samples.length != leadMasks.length || samples.length != types.length) {
            throw new IllegalArgumentException("every beat needs a position, leads and a type");
        }
        for (int i = 1; i < samples.length; i++) {
            if (samples[i] <= samples[i - 1]) {
                throw new IllegalArgumentException("beats must be in strictly ascending order");
            }
        }
        if (samplingRateHz <= 0) {
            throw new IllegalArgumentException("the sampling rate must be positive");
        }
        this.samplingRateHz = samplingRateHz;
        this.samples = samples.clone();
        this.leadMasks = leadMasks.clone();
        this.types = types.clone();
        this.leadNames = List.copyOf(leadNames);
        this.breaks = breaks.clone();
        this.unavailableReason = null;
    }

    private Beats(String unavailableReason) {
        this.samplingRateHz = 0;
        this.samples = new int[0];
        this.leadMasks = new int[0];
        this.types = new BeatType[0];
        this.leadNames = List.of();
        this.breaks = new int[0];
        this.unavailableReason = Objects.requireNonNull(unavailableReason);
    }

    public static Beats unavailable(String reason) {
        return new Beats(reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    public int count() {
        return samples.length;
    }

    public int samplingRateHz() {
        return samplingRateHz;
    }

    public int sample(int beat) {
        return samples[beat];
    }

    public double timeSeconds(int beat) {
        return (double) samples[beat] / samplingRateHz;
    }

    public BeatType type(int beat) {
        return types[beat];
    }

    /** The names of the leads that saw the beat. */
    public List<String> leads(int beat) {
        return leadNames.stream().filter(name -> (leadMasks[beat] & (1 << leadNames.indexOf(name))) != 0).toList();
    }

    public List<String> leadNames() {
        return leadNames;
    }

    /** RR interval ending at this beat, in seconds; NaN for the first beat and a beat after a break (see {@link #breaks}). */
    public double rrSeconds(int beat) {
        return beat == 0 || Arrays.binarySearch(breaks, beat) >= 0 ? Double.NaN
                : (double) (samples[beat] - samples[beat - 1]) / samplingRateHz;
    }

    /** How many RR intervals the beats span: one fewer than the beats, less the breaks. */
    public int rrIntervals() {
        return Math.max(0, samples.length - 1 - breaks.length);
    }

    /** The beats that follow a stretch without organised beats: the time since the previous one is no RR interval. */
    public int[] breaks() {
        return breaks.clone();
    }

    public int[] samples() {
        return samples.clone();
    }

    public int[] leadMasks() {
        return leadMasks.clone();
    }

    public BeatType[] types() {
        return types.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Beats other && samplingRateHz == other.samplingRateHz
                && Arrays.equals(samples, other.samples) && Arrays.equals(leadMasks, other.leadMasks)
                && Arrays.equals(types, other.types) && leadNames.equals(other.leadNames) && Arrays.equals(breaks, other.breaks)
                && Objects.equals(unavailableReason, other.unavailableReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(samplingRateHz, Arrays.hashCode(samples), leadNames, unavailableReason);
    }

    @Override
    public String toString() {
        return available() ? "Beats[" + samples.length + " at " + samplingRateHz + " Hz]" : "Beats[unavailable: "
                + unavailableReason + "]";
    }
}
