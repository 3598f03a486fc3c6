package adapters.lifecycle;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import usecase.events.PurgeOldEvents;
import usecase.heartrate.PurgeOldReadings;
import usecase.startup.PrepareDatabase;

/**
 * Purges now and then what is kept for a bounded time: heart-rate readings past {@code sinus.heart-rate.retention},
 * events past {@code sinus.events.retention} or beyond {@code sinus.events.max-events}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final PurgeOldReadings readings;
    private final PurgeOldEvents events;
    private final PrepareDatabase prepare;

    Retention(PurgeOldReadings readings, PurgeOldEvents events, PrepareDatabase prepare) {
        this.readings = readings;
        this.events = events;
        this.prepare = prepare;
    }

    @Scheduled(every = "${sinus.heart-rate.purge-interval}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeReadings() {
        purge("heart-rate reading(s)", readings::execute);
    }

    @Scheduled(every = "${sinus.events.purge-interval}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeEvents() {
        purge("event(s)", events::execute);
    }

    private void purge(String what, LongSupplier purge) {
        if (!prepare.isPrepared()) {
            return;
        }
        try {
            long deleted = purge.getAsLong();
            if (deleted > 0) {
                LOG.infof("purged %d %s past their retention", deleted, what);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not purge old %s (%s); trying again later", what, e.getMessage());
        }
    }
}
