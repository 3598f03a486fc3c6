package adapters.persistence;

import domain.heartrate.AlertThresholds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import usecase.port.HeartRateSettings;

/**
 * Alert thresholds in {@code heart_rate_settings}, a row only for users who changed the defaults. Live readings
 * are judged by thresholds held in memory and reloaded when older than {@link #FRESH_FOR} (a reading stream must
 * not read the database per reading): a change made on this instance applies at once, one made on another
 * instance a few seconds later.
 */
@ApplicationScoped
public class HibernateHeartRateSettings implements HeartRateSettings {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final int MAX_HELD = 100_000;

    private record Held(AlertThresholds thresholds, long readAtNanos) {
    }

    private final ActiveSession sessions;
    private final ConcurrentHashMap<UUID, Held> held = new ConcurrentHashMap<>();
    private final Map<UUID, List<Waiting>> loading = new HashMap<>();

    HibernateHeartRateSettings(ActiveSession sessions) {
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public AlertThresholds find(UUID owner) {
        AlertThresholds custom = findCustom(owner);
        AlertThresholds thresholds = custom == null ? AlertThresholds.DEFAULT : custom;
        remember(owner, thresholds);
        return thresholds;
    }

    @Override
    @Transactional
    public AlertThresholds findCustom(UUID owner) {
        HeartRateSettingsEntity entity = sessions.get().find(HeartRateSettingsEntity.class, owner);
        return entity == null ? null : new AlertThresholds(entity.lowAlertBelow, entity.highAlertAbove);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(UUID owner, AlertThresholds thresholds) {
        HeartRateSettingsEntity entity = sessions.get().find(HeartRateSettingsEntity.class, owner);
        if (entity == null) {
            entity = new HeartRateSettingsEntity();
            entity.ownerId = owner;
            sessions.get().persist(entity);
        }
        entity.lowAlertBelow = (short) thresholds.lowBelow();
        entity.highAlertAbove = (short) thresholds.highAbove();
        sessions.get().flush();
        remember(owner, thresholds);
    }

    /**
     * Fresh thresholds from memory; stale ones from memory too, while a reload runs in the background (so a stream
     * never waits for the database after its first reading); the first lookup for a user reads the database on a
     * worker thread, once for all the callers that ask meanwhile.
     */
    @Override
    public CompletionStage<AlertThresholds> current(UUID owner) {
        Held recent = held.get(owner);
        if (recent != null) {
            if (System.nanoTime() - recent.readAtNanos() >= FRESH_FOR.toNanos()) {
                load(owner, null);
            }
            return CompletableFuture.completedFuture(recent.thresholds());
        }
        CompletableFuture<AlertThresholds> result = new CompletableFuture<>();
        load(owner, new Waiting(result, CallerContext.capture()));
        return result;
    }

    private record Waiting(CompletableFuture<AlertThresholds> result, CallerContext caller) {
    }

    /** Reads the owner's thresholds unless a read is running already; completes the waiting callers in order. */
    private void load(UUID owner, Waiting waiting) {
        boolean start;
        synchronized (loading) {
            List<Waiting> queue = loading.get(owner);
            start = queue == null;
            if (start) {
                queue = new ArrayList<>();
                loading.put(owner, queue);
            }
            if (waiting != null) {
                queue.add(waiting);
            }
        }
        if (!start) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            AlertThresholds thresholds = null;
            RuntimeException failure = null;
            try {
                thresholds = QuarkusTransaction.requiringNew().call(() -> find(owner));
            } catch (RuntimeException e) {
                failure = e;
            }
            List<Waiting> done;
            synchronized (loading) {
                done = loading.remove(owner);
            }
            for (Waiting caller : done) {
                caller.caller().complete(caller.result(), thresholds, failure);
            }
        });
    }

    private void remember(UUID owner, AlertThresholds thresholds) {
        if (held.size() >= MAX_HELD) {
            held.clear(); // a crude bound: so many distinct users within seconds is far beyond a normal load
        }
        held.put(owner, new Held(thresholds, System.nanoTime()));
    }
}
