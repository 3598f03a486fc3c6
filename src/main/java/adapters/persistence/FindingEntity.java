package adapters.persistence;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One rhythm finding of an analysed ECG, keyed like a lead: ECG id and position. */
@Entity
@Table(name = "ecg_findings")
class FindingEntity {

    @EmbeddedId
    @AttributeOverride(name = "index", column = @Column(name = "finding_index"))
    LeadEntity.Key key;

    @Column(nullable = false, length = 32)
    String kind;

    @Column(name = "start_s", nullable = false)
    double startS;

    @Column(name = "end_s", nullable = false)
    double endS;

    @Column(nullable = false)
    int beats;

    @Column(length = 4000)
    String detail;
}
