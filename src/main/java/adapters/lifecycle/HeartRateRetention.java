package adapters.lifecycle;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import usecase.heartrate.PurgeOldReadings;
import usecase.startup.PrepareDatabase;

/** Purges heart-rate readings past the retention period ({@code sinus.heart-rate.retention}) now and then. */
@ApplicationScoped
public class HeartRateRetention {

    private static final Logger LOG = Logger.getLogger(HeartRateRetention.class);

    private final PurgeOldReadings purge;
    private final PrepareDatabase prepare;

    HeartRateRetention(PurgeOldReadings purge, PrepareDatabase prepare) {
        this.purge = purge;
        this.prepare = prepare;
    }

    @Scheduled(every = "${sinus.heart-rate.purge-interval}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeInTheBackground() {
        if (!prepare.isPrepared()) {
            return;
        }
        try {
            long deleted = purge.execute();
            if (deleted > 0) {
                LOG.infof("purged %d heart-rate reading(s) past the retention period", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not purge old heart-rate readings (%s); trying again later", e.getMessage());
        }
    }
}
