package domain.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The quality of every lead, in the recording's lead order. Right after the analysis it also holds
 * each lead's detection band (the signal the QRS detector works on), so the detector does not filter
 * the leads a second time; a quality read back from storage has no bands.
 */
public final class SignalQuality implements AnalysisResult {

    private final List<LeadQuality> perLead;
    private final float[][] bands;
    private final float[][] blocks;

    public SignalQuality(List<LeadQuality> perLead) {
        this(perLead, null, null);
    }

    SignalQuality(List<LeadQuality> perLead, float[][] bands, float[][] blocks) {
        this.perLead = List.copyOf(perLead);
        this.bands = bands;
        this.blocks = blocks;
    }

    public List<LeadQuality> perLead() {
        return perLead;
    }

    /** The lead's detection band as {@link QrsDetector#bandPass} computes it, or null when not kept. */
    float[] band(int lead) {
        return bands == null || lead >= bands.length ? null : bands[lead];
    }

    /** The lead as {@link QrsDetector#blockMeans}, or null when not kept. */
    float[] blocks(int lead) {
        return blocks == null || lead >= blocks.length ? null : blocks[lead];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalQuality other && perLead.equals(other.perLead);
    }

    @Override
    public int hashCode() {
        return Objects.hash(perLead);
    }

    @Override
    public String toString() {
        return "SignalQuality" + perLead;
    }
}
