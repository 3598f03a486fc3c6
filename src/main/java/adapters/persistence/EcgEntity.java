package adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "ecgs")
class EcgEntity {

    @Id
    UUID id;

    @Column(name = "owner_id", nullable = false)
    UUID ownerId;

    @Column(name = "recorded_at")
    Instant recordedAt;

    @Column(name = "sampling_rate_hz")
    Integer samplingRateHz;

    @Column(nullable = false, length = 16)
    String status;

    @Column(name = "submitted_at", nullable = false)
    Instant submittedAt;

    @Column(name = "analysed_at")
    Instant analysedAt;

    @Column(nullable = false)
    long revision;
}
