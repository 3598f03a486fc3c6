package adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "heart_rate_settings")
public class HeartRateSettingsEntity {

    @Id
    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "low_alert_below", nullable = false)
    public short lowAlertBelow;

    @Column(name = "high_alert_above", nullable = false)
    public short highAlertAbove;
}
