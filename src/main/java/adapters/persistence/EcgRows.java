package adapters.persistence;

import domain.ConflictException;
import domain.analysis.AnalysisReport;
import domain.analysis.LeadQuality;
import domain.analysis.SignalQuality;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.LockMode;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The rows of ECGs, shared by the user-facing repository and the analysis worker's port. Every writer
 * of an ECG first locks its {@code ecgs} row and only then touches its leads and results: one lock order
 * for everyone, so concurrent writers of one ECG queue up instead of deadlocking or colliding, and the
 * results always belong to the revision the row says.
 */
@ApplicationScoped
class EcgRows {

    /** SQLSTATE of a unique-key violation; foreign-key violations are 23503 (PostgreSQL) or 23506 (H2). */
    static final String UNIQUE_VIOLATION = "23505";

    private final ActiveSession sessions;

    EcgRows(ActiveSession sessions) {
        this.sessions = sessions;
    }

    Session session() {
        return sessions.get();
    }

    /** The ECG's row, locked against other writers until the transaction ends; null if there is none. */
    EcgEntity lock(EcgKey key) {
        return query(key).setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional().orElse(null);
    }

    /**
     * The ECG's row, locked as {@link #lock} does, unless another transaction holds its lock right now: then
     * null at once rather than a wait: {@code FOR UPDATE SKIP LOCKED}, which PostgreSQL and H2 (2.2 and later)
     * both understand.
     */
    EcgEntity lockUnlessBusy(EcgKey key) {
        return query(key).setHibernateLockMode(LockMode.UPGRADE_SKIPLOCKED).uniqueResultOptional().orElse(null);
    }

    EcgEntity find(EcgKey key) {
        return query(key).uniqueResultOptional().orElse(null);
    }

    private org.hibernate.query.SelectionQuery<EcgEntity> query(EcgKey key) {
        return session().createSelectionQuery("from EcgEntity e where e.ownerId = :owner and e.publicId = :id",
                        EcgEntity.class)
                .setParameter("owner", key.ownerId()).setParameter("id", key.id());
    }

    /** Inserts a new ECG under a fresh internal key. */
    void insert(Ecg ecg, Instant analysedAt) {
        EcgEntity entity = new EcgEntity();
        entity.id = UUID.randomUUID();
        entity.publicId = ecg.id();
        entity.ownerId = ecg.ownerId();
        entity.status = ecg.status().name();
        entity.submittedAt = ecg.submittedAt();
        entity.pendingSince = ecg.status() == EcgStatus.PENDING ? ecg.submittedAt() : null;
        entity.revision = ecg.revision();
        entity.analysedAt = analysedAt;
        entity.recordedAt = ecg.recording().date();
        entity.samplingRateHz = ecg.recording().samplingRateHz();
        session().persist(entity);
        persistLeads(entity.id, ecg.recording());
        try {
            session().flush();
        } catch (ConstraintViolationException e) {
            throw UNIQUE_VIOLATION.equals(e.getSQLState())
                    // Two submissions raced for the same client-chosen id; the loser gets a clean conflict.
                    ? new ConflictException("an ECG with id " + ecg.id() + " already exists")
                    : new ConflictException("your account was deleted while this request ran; nothing was stored");
        }
    }

    /** Replaces the recording of the locked row: drops leads and results, then writes the new leads. */
    void replace(EcgEntity locked, Recording recording, Instant now) {
        deleteResults(locked.id);
        session().createMutationQuery("delete from LeadEntity l where l.key.ecgId = :id")
                .setParameter("id", locked.id).executeUpdate();
        session().createMutationQuery("""
                        update EcgEntity e set e.recordedAt = :date, e.samplingRateHz = :rate, e.status = :pending,
                               e.analysedAt = null, e.failureReason = null, e.analysisAttempts = 0,
                               e.revision = e.revision + 1, e.pendingSince = :now, e.claimedUntil = null
                        where e.id = :id""")
                .setParameter("date", recording.date()).setParameter("rate", recording.samplingRateHz())
                .setParameter("pending", EcgStatus.PENDING.name()).setParameter("now", now)
                .setParameter("id", locked.id).executeUpdate();
        persistLeads(locked.id, recording);
    }

    private void persistLeads(UUID internalId, Recording recording) {
        List<Lead> leads = recording.leads();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            LeadEntity entity = new LeadEntity();
            entity.key = new LeadEntity.Key(internalId, i);
            entity.name = lead.name();
            entity.numberOfSamples = lead.numberOfSamples();
            entity.samplesEncoding = SignalCodec.BLOCKED_DELTA_VARINT;
            entity.samples = SignalCodec.encodeBlocked(lead.signal());
            session().persist(entity);
        }
    }

    /** Drops the per-lead and whole-record results (the findings go with the whole-record row). */
    void deleteResults(UUID internalId) {
        session().createMutationQuery("delete from LeadResultEntity r where r.key.ecgId = :id")
                .setParameter("id", internalId).executeUpdate();
        session().createMutationQuery("delete from EcgAnalysisEntity a where a.ecgId = :id")
                .setParameter("id", internalId).executeUpdate();
    }

    void saveResults(UUID internalId, AnalysisReport report) {
        List<LeadQuality> quality = report.find(SignalQuality.class).map(SignalQuality::perLead).orElse(List.of());
        report.find(ZeroCrossings.class).ifPresent(crossings -> {
            List<ZeroCrossings.LeadCount> counts = crossings.perLead();
            for (int i = 0; i < counts.size(); i++) {
                LeadResultEntity result = new LeadResultEntity();
                result.key = new LeadEntity.Key(internalId, i);
                result.zeroCrossings = counts.get(i).count();
                if (i < quality.size()) {
                    AnalysisMapping.setQuality(result, quality.get(i));
                }
                session().persist(result);
            }
        });
        EcgAnalysisEntity analysis = AnalysisMapping.toEntity(internalId, report);
        if (analysis != null) {
            session().persist(analysis);
            // the findings reference the analysis row, which must be written first
            session().flush();
            AnalysisMapping.findingEntities(internalId, report).forEach(session()::persist);
        }
    }

    /** Sets the locked row's outcome; the attempt, if one was claimed, has ended. */
    void finish(EcgEntity locked, EcgStatus status, String failureReason, Instant at) {
        session().createMutationQuery("""
                        update EcgEntity e set e.status = :status, e.analysedAt = :at, e.failureReason = :reason,
                               e.claimedUntil = null
                        where e.id = :id""")
                .setParameter("status", status.name()).setParameter("at", at)
                .setParameter("reason", AnalysisMapping.bounded(failureReason, 500))
                .setParameter("id", locked.id).executeUpdate();
    }

    /** The leads of these ECGs (internal keys) with their samples decoded, in one query. */
    Map<UUID, List<Lead>> leadsOf(List<UUID> internalIds) {
        Map<UUID, List<Lead>> leads = new HashMap<>();
        session().createSelectionQuery(
                        "from LeadEntity l where l.key.ecgId in :ids order by l.key.ecgId, l.key.index", LeadEntity.class)
                .setParameter("ids", internalIds).getResultList()
                .forEach(l -> leads.computeIfAbsent(l.key.ecgId, k -> new ArrayList<>())
                        .add(new Lead(l.name, Signal.wrap(SignalCodec.decode(l.samplesEncoding, l.samples, l.numberOfSamples)))));
        return leads;
    }

    static Ecg toEcg(EcgEntity entity, List<Lead> leads) {
        Recording recording = new Recording(entity.recordedAt, entity.samplingRateHz, leads);
        return new Ecg(entity.publicId, entity.ownerId, recording, EcgStatus.valueOf(entity.status),
                entity.submittedAt, entity.revision);
    }

    /**
     * The version of each of these rows now, as committed: revision and status change with every write,
     * so a read whose rows still have the versions it started with saw one consistent state.
     */
    Map<UUID, String> versions(List<UUID> internalIds) {
        Map<UUID, String> versions = new HashMap<>();
        if (internalIds.isEmpty()) {
            return versions;
        }
        session().createSelectionQuery("select e.id, e.revision, e.status from EcgEntity e where e.id in :ids",
                        Object[].class)
                .setParameter("ids", internalIds).getResultList()
                .forEach(row -> versions.put((UUID) row[0], row[1] + "/" + row[2]));
        return versions;
    }

    static Map<UUID, String> versionsOf(List<EcgEntity> entities) {
        Map<UUID, String> versions = new HashMap<>();
        entities.forEach(e -> versions.put(e.id, e.revision + "/" + e.status));
        return versions;
    }
}
