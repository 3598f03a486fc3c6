package adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The analysis results of one lead, kept apart from its samples. */
@Entity
@Table(name = "ecg_lead_results")
class LeadResultEntity {

    @EmbeddedId
    LeadEntity.Key key;

    @Column(name = "zero_crossings", nullable = false)
    int zeroCrossings;

    /** GOOD, NOISY, FLAT or CLIPPED; null for results of releases before the quality check. */
    @Column(length = 16)
    String quality;

    @Column(name = "flat_fraction")
    Double flatFraction;

    @Column(name = "clipped_fraction")
    Double clippedFraction;

    @Column(name = "noisy_fraction")
    Double noisyFraction;

    @Column
    Boolean usable;
}
