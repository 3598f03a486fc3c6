package adapters.persistence;

import domain.ConflictException;
import domain.analysis.AnalysisReport;
import domain.analysis.LeadQuality;
import domain.analysis.SignalQuality;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.EcgSummary;
import domain.ecg.Lead;
import domain.ecg.LeadSummary;
import domain.ecg.Recording;
import domain.ecg.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import usecase.Page;
import usecase.PageRequest;
import usecase.port.EcgBeats;
import usecase.port.EcgRepository;
import usecase.port.StoredEcg;

/**
 * ECGs in two tables: {@code ecgs} for metadata and status, {@code ecg_leads} for each lead's
 * samples (one compact binary value) and per-lead results. Listing and reading never load samples.
 * Every method joins the caller's transaction or opens its own.
 */
@ApplicationScoped
@Transactional
public class HibernateEcgRepository implements EcgRepository {

    private final ActiveSession sessions;

    HibernateEcgRepository(ActiveSession sessions) {
        this.sessions = sessions;
    }

    private Session session() {
        return sessions.get();
    }

    @Override
    public boolean exists(UUID id) {
        return session().find(EcgEntity.class, id) != null;
    }

    @Override
    public void add(Ecg ecg) {
        insert(ecg, null);
    }

    private void insert(Ecg ecg, Instant analysedAt) {
        EcgEntity entity = new EcgEntity();
        entity.id = ecg.id();
        entity.ownerId = ecg.ownerId();
        entity.status = ecg.status().name();
        entity.submittedAt = ecg.submittedAt();
        entity.revision = ecg.revision();
        entity.analysedAt = analysedAt;
        setRecording(entity, ecg.recording());
        session().persist(entity);
        persistLeads(ecg.id(), ecg.recording());
        try {
            session().flush();
        } catch (ConstraintViolationException e) {
            // Two submissions raced for the same client-chosen id; the loser gets a clean conflict.
            throw new ConflictException("an ECG with id " + ecg.id() + " already exists");
        }
    }

    @Override
    public boolean replace(UUID id, UUID ownerId, Recording recording) {
        EcgEntity entity = session().find(EcgEntity.class, id);
        if (entity == null || !entity.ownerId.equals(ownerId)) {
            return false;
        }
        session().createMutationQuery("delete from LeadEntity l where l.key.ecgId = :id")
                .setParameter("id", id).executeUpdate();
        session().createMutationQuery("delete from EcgAnalysisEntity a where a.ecgId = :id")
                .setParameter("id", id).executeUpdate();
        setRecording(entity, recording);
        entity.status = EcgStatus.PENDING.name();
        entity.analysedAt = null;
        entity.revision++;
        persistLeads(id, recording);
        return true;
    }

    private static void setRecording(EcgEntity entity, Recording recording) {
        entity.recordedAt = recording.date();
        entity.samplingRateHz = recording.samplingRateHz();
    }

    private void persistLeads(UUID ecgId, Recording recording) {
        List<Lead> leads = recording.leads();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            LeadEntity entity = new LeadEntity();
            entity.key = new LeadEntity.Key(ecgId, i);
            entity.name = lead.name();
            entity.numberOfSamples = lead.numberOfSamples();
            entity.samplesEncoding = SignalCodec.DELTA_VARINT;
            entity.samples = SignalCodec.encode(lead.signal().toArray());
            session().persist(entity);
        }
    }

    @Override
    public boolean delete(UUID id, UUID ownerId) {
        // ecg_leads rows go with the ECG through ON DELETE CASCADE.
        return session().createMutationQuery("delete from EcgEntity e where e.id = :id and e.ownerId = :owner")
                .setParameter("id", id).setParameter("owner", ownerId).executeUpdate() == 1;
    }

    @Override
    public Optional<EcgSummary> findSummary(UUID id, UUID ownerId) {
        return session().createSelectionQuery("from EcgEntity e where e.id = :id and e.ownerId = :owner", EcgEntity.class)
                .setParameter("id", id).setParameter("owner", ownerId)
                .uniqueResultOptional()
                .map(entity -> summaries(List.of(entity)).get(0));
    }

    @Override
    public Page<EcgSummary> list(UUID ownerId, PageRequest request) {
        long total = session().createSelectionQuery("select count(e) from EcgEntity e where e.ownerId = :owner", Long.class)
                .setParameter("owner", ownerId).getSingleResult();
        List<EcgEntity> entities = session().createSelectionQuery(
                        "from EcgEntity e where e.ownerId = :owner order by e.submittedAt desc, e.id desc", EcgEntity.class)
                .setParameter("owner", ownerId)
                .setFirstResult(request.offset()).setMaxResults(request.size())
                .getResultList();
        return new Page<>(summaries(entities), request.page(), request.size(), total);
    }

    /** Builds summaries with three queries for all of them (leads, analyses, findings), never touching the samples. */
    private List<EcgSummary> summaries(List<EcgEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = entities.stream().map(e -> e.id).toList();
        Map<UUID, List<LeadSummary>> leads = new HashMap<>();
        Map<UUID, List<LeadQuality>> quality = new HashMap<>();
        session().createSelectionQuery("""
                        select l.key.ecgId, l.name, l.numberOfSamples, r.zeroCrossings,
                               r.quality, r.flatFraction, r.clippedFraction, r.noisyFraction, r.usable
                        from LeadEntity l
                        left join LeadResultEntity r on r.key.ecgId = l.key.ecgId and r.key.index = l.key.index
                        where l.key.ecgId in :ids order by l.key.ecgId, l.key.index""", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> {
                    leads.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                            .add(new LeadSummary((String) row[1], (Integer) row[2], (Integer) row[3]));
                    if (row[4] != null) {
                        quality.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(AnalysisMapping.quality(
                                (String) row[1], (String) row[4], (Double) row[5], (Double) row[6], (Double) row[7],
                                (Boolean) row[8]));
                    }
                });
        List<UUID> done = entities.stream().filter(e -> EcgStatus.DONE.name().equals(e.status)).map(e -> e.id).toList();
        Map<UUID, EcgAnalysisEntity> analyses = new HashMap<>();
        Map<UUID, List<FindingEntity>> findings = new HashMap<>();
        if (!done.isEmpty()) {
            session().createSelectionQuery("from EcgAnalysisEntity a where a.ecgId in :ids", EcgAnalysisEntity.class)
                    .setParameter("ids", done).getResultList().forEach(a -> analyses.put(a.ecgId, a));
            session().createSelectionQuery(
                            "from FindingEntity f where f.key.ecgId in :ids order by f.key.ecgId, f.key.index",
                            FindingEntity.class)
                    .setParameter("ids", done).getResultList()
                    .forEach(f -> findings.computeIfAbsent(f.key.ecgId, k -> new ArrayList<>()).add(f));
        }
        return entities.stream().map(e -> new EcgSummary(e.id, e.recordedAt, e.samplingRateHz,
                EcgStatus.valueOf(e.status), e.submittedAt, e.analysedAt, leads.getOrDefault(e.id, List.of()),
                EcgStatus.DONE.name().equals(e.status) ? AnalysisMapping.summaryReport(quality.getOrDefault(e.id, List.of()),
                        analyses.get(e.id), findings.getOrDefault(e.id, List.of())) : null)).toList();
    }

    @Override
    public Optional<EcgBeats> findBeats(UUID id, UUID ownerId) {
        EcgEntity ecg = session().find(EcgEntity.class, id);
        if (ecg == null || !ecg.ownerId.equals(ownerId)) {
            return Optional.empty();
        }
        EcgAnalysisEntity analysis = EcgStatus.DONE.name().equals(ecg.status)
                ? session().find(EcgAnalysisEntity.class, id) : null;
        if (analysis == null) {
            return Optional.of(new EcgBeats(EcgStatus.valueOf(ecg.status), null));
        }
        List<String> names = session().createSelectionQuery(
                        "select l.name from LeadEntity l where l.key.ecgId = :id order by l.key.index", String.class)
                .setParameter("id", id).getResultList();
        int rate = ecg.samplingRateHz == null ? 1 : ecg.samplingRateHz;
        return Optional.of(new EcgBeats(EcgStatus.DONE, AnalysisMapping.beats(analysis, rate, names)));
    }

    @Override
    public Optional<Ecg> findPendingForAnalysis(UUID id) {
        return Optional.ofNullable(session().find(EcgEntity.class, id))
                .filter(entity -> EcgStatus.PENDING.name().equals(entity.status))
                .map(entity -> withRecording(entity, leadsOf(List.of(id)).get(id)));
    }

    private static Ecg withRecording(EcgEntity entity, List<Lead> leads) {
        Recording recording = new Recording(entity.recordedAt, entity.samplingRateHz, leads);
        return new Ecg(entity.id, entity.ownerId, recording, EcgStatus.valueOf(entity.status),
                entity.submittedAt, entity.revision);
    }

    /** The leads of these ECGs with their samples decoded, in one query. */
    private Map<UUID, List<Lead>> leadsOf(List<UUID> ids) {
        Map<UUID, List<Lead>> leads = new HashMap<>();
        session().createSelectionQuery(
                        "from LeadEntity l where l.key.ecgId in :ids order by l.key.ecgId, l.key.index", LeadEntity.class)
                .setParameter("ids", ids).getResultList()
                .forEach(l -> leads.computeIfAbsent(l.key.ecgId, k -> new ArrayList<>())
                        .add(new Lead(l.name, Signal.wrap(SignalCodec.decode(l.samples, l.numberOfSamples)))));
        return leads;
    }

    @Override
    public List<StoredEcg> storedPage(UUID after, int limit) {
        List<EcgEntity> entities = session().createSelectionQuery(
                        "from EcgEntity e where :after is null or e.id > :after order by e.id", EcgEntity.class)
                .setParameter("after", after).setMaxResults(limit).getResultList();
        if (entities.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = entities.stream().map(e -> e.id).toList();
        Map<UUID, List<Lead>> leads = leadsOf(ids);
        Map<UUID, List<Integer>> crossings = new HashMap<>();
        session().createSelectionQuery("""
                        select r.key.ecgId, r.zeroCrossings from LeadResultEntity r
                        where r.key.ecgId in :ids order by r.key.ecgId, r.key.index""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> crossings.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((Integer) row[1]));
        return entities.stream().map(entity -> {
            Ecg ecg = withRecording(entity, leads.get(entity.id));
            AnalysisReport report = ecg.status() != EcgStatus.DONE ? null : new AnalysisReport(List.of(
                    ZeroCrossings.of(ecg.recording().leads(), crossings.getOrDefault(entity.id, List.of()))));
            return new StoredEcg(ecg, entity.analysedAt, report);
        }).toList();
    }

    @Override
    public boolean restore(StoredEcg stored) {
        if (exists(stored.ecg().id())) {
            return false;
        }
        insert(stored.ecg(), stored.analysedAt());
        if (stored.report() != null) {
            saveResults(stored.ecg().id(), stored.report());
        }
        return true;
    }

    @Override
    public boolean saveAnalysis(UUID id, long revision, AnalysisReport report, Instant analysedAt) {
        if (!finish(id, revision, EcgStatus.DONE, analysedAt)) {
            return false;
        }
        saveResults(id, report);
        return true;
    }

    private void saveResults(UUID id, AnalysisReport report) {
        List<LeadQuality> quality = report.find(SignalQuality.class).map(SignalQuality::perLead).orElse(List.of());
        report.find(ZeroCrossings.class).ifPresent(crossings -> {
            List<ZeroCrossings.LeadCount> counts = crossings.perLead();
            for (int i = 0; i < counts.size(); i++) {
                LeadResultEntity result = new LeadResultEntity();
                result.key = new LeadEntity.Key(id, i);
                result.zeroCrossings = counts.get(i).count();
                if (i < quality.size()) {
                    AnalysisMapping.setQuality(result, quality.get(i));
                }
                session().persist(result);
            }
        });
        EcgAnalysisEntity analysis = AnalysisMapping.toEntity(id, report);
        if (analysis != null) {
            session().persist(analysis);
            // the findings reference the analysis row, which must be written first
            session().flush();
            AnalysisMapping.findingEntities(id, report).forEach(session()::persist);
        }
    }

    @Override
    public boolean markFailed(UUID id, long revision, Instant at) {
        return finish(id, revision, EcgStatus.FAILED, at);
    }

    private boolean finish(UUID id, long revision, EcgStatus status, Instant at) {
        return session().createMutationQuery("""
                        update EcgEntity e set e.status = :status, e.analysedAt = :at
                        where e.id = :id and e.revision = :revision and e.status = :pending""")
                .setParameter("status", status.name()).setParameter("at", at)
                .setParameter("id", id).setParameter("revision", revision)
                .setParameter("pending", EcgStatus.PENDING.name())
                .executeUpdate() == 1;
    }

    @Override
    public List<UUID> findPendingIds(Instant submittedBefore) {
        return session().createSelectionQuery("""
                        select e.id from EcgEntity e where e.status = :pending and e.submittedAt < :before
                        order by e.submittedAt""", UUID.class)
                .setParameter("pending", EcgStatus.PENDING.name()).setParameter("before", submittedBefore)
                .getResultList();
    }
}
