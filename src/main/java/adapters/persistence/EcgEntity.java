package adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One ECG. {@code id} is an internal key, referenced by the leads and results; the owner sees
 * {@code publicId}, which is unique per owner only.
 */
@Entity
@Table(name = "ecgs")
class EcgEntity {

    @Id
    UUID id;

    @Column(name = "public_id", nullable = false)
    UUID publicId;

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

    @Column(name = "analysis_attempts", nullable = false)
    int analysisAttempts;

    @Column(name = "failure_reason", length = 500)
    String failureReason;

    /** When the current revision was queued for analysis. */
    @Column(name = "pending_since")
    Instant pendingSince;

    /** The instance that claimed the latest analysis attempt. */
    @Column(name = "claimed_by", length = 200)
    String claimedBy;

    /** Until when that claim keeps other instances away; null once the attempt has ended. */
    @Column(name = "claimed_until")
    Instant claimedUntil;
}
