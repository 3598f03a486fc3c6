package usecase.heartrate;

import domain.heartrate.AlertThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.HeartRateSettings;

/** Reads and changes the caller's alert thresholds; a change applies to readings stored from then on. */
@ApplicationScoped
public class HeartRateAlertSettings {

    private final HeartRateSettings settings;

    public HeartRateAlertSettings(HeartRateSettings settings) {
        this.settings = settings;
    }

    @Transactional
    public AlertThresholds get(UUID owner) {
        return settings.find(owner);
    }

    @Transactional
    public AlertThresholds change(UUID owner, AlertThresholds thresholds) {
        settings.save(owner, thresholds);
        return thresholds;
    }
}
