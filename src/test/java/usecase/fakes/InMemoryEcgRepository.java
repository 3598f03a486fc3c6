package usecase.fakes;

import domain.ConflictException;
import domain.analysis.AnalysisReport;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgStatus;
import domain.ecg.EcgSummary;
import domain.ecg.LeadSummary;
import domain.ecg.Recording;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import usecase.Page;
import usecase.PageRequest;
import usecase.port.EcgRepository;
import usecase.port.StoredEcg;

/** Keeps ECGs in a map and honours the port's contract on owners and revisions. */
public final class InMemoryEcgRepository implements EcgRepository {

    private static final class Stored {
        Ecg ecg;
        AnalysisReport report;
        Instant analysedAt;

        Stored(Ecg ecg) {
            this.ecg = ecg;
        }
    }

    private final Map<UUID, Stored> byId = new LinkedHashMap<>();

    @Override
    public boolean exists(UUID id) {
        return byId.containsKey(id);
    }

    @Override
    public void add(Ecg ecg) {
        if (byId.containsKey(ecg.id())) {
            throw new ConflictException("an ECG with id " + ecg.id() + " already exists");
        }
        byId.put(ecg.id(), new Stored(ecg));
    }

    @Override
    public List<StoredEcg> storedPage(UUID after, int limit) {
        return byId.values().stream()
                .filter(s -> after == null || s.ecg.id().compareTo(after) > 0)
                .sorted(Comparator.comparing(s -> s.ecg.id()))
                .limit(limit)
                .map(s -> new StoredEcg(s.ecg, s.analysedAt, s.report))
                .toList();
    }

    @Override
    public boolean restore(StoredEcg stored) {
        if (byId.containsKey(stored.ecg().id())) {
            return false;
        }
        Stored copy = new Stored(stored.ecg());
        copy.analysedAt = stored.analysedAt();
        copy.report = stored.report();
        byId.put(stored.ecg().id(), copy);
        return true;
    }

    @Override
    public boolean replace(UUID id, UUID ownerId, Recording recording) {
        Stored stored = owned(id, ownerId);
        if (stored == null) {
            return false;
        }
        Ecg old = stored.ecg;
        stored.ecg = new Ecg(id, ownerId, recording, EcgStatus.PENDING, old.submittedAt(), old.revision() + 1);
        stored.report = null;
        stored.analysedAt = null;
        return true;
    }

    @Override
    public boolean delete(UUID id, UUID ownerId) {
        return owned(id, ownerId) != null && byId.remove(id) != null;
    }

    @Override
    public Optional<EcgSummary> findSummary(UUID id, UUID ownerId) {
        return Optional.ofNullable(owned(id, ownerId)).map(InMemoryEcgRepository::summarise);
    }

    @Override
    public Optional<usecase.port.EcgBeats> findBeats(UUID id, UUID ownerId) {
        return Optional.ofNullable(owned(id, ownerId)).map(s -> new usecase.port.EcgBeats(s.ecg.status(),
                s.report == null ? null : s.report.find(domain.analysis.Beats.class).orElse(null)));
    }

    @Override
    public Page<EcgSummary> list(UUID ownerId, PageRequest request) {
        List<EcgSummary> all = byId.values().stream()
                .filter(s -> s.ecg.ownerId().equals(ownerId))
                .sorted(Comparator.comparing((Stored s) -> s.ecg.submittedAt()).reversed())
                .map(InMemoryEcgRepository::summarise)
                .toList();
        List<EcgSummary> page = all.stream().skip(request.offset()).limit(request.size()).toList();
        return new Page<>(page, request.page(), request.size(), all.size());
    }

    @Override
    public Optional<Ecg> findPendingForAnalysis(UUID id) {
        return stored(id).filter(ecg -> ecg.status() == EcgStatus.PENDING);
    }

    @Override
    public boolean saveAnalysis(UUID id, long revision, AnalysisReport report, Instant analysedAt) {
        Stored stored = atRevision(id, revision);
        if (stored == null) {
            return false;
        }
        stored.ecg = withStatus(stored.ecg, EcgStatus.DONE);
        stored.report = report;
        stored.analysedAt = analysedAt;
        return true;
    }

    @Override
    public boolean markFailed(UUID id, long revision, Instant at) {
        Stored stored = atRevision(id, revision);
        if (stored == null) {
            return false;
        }
        stored.ecg = withStatus(stored.ecg, EcgStatus.FAILED);
        stored.report = null;
        stored.analysedAt = at;
        return true;
    }

    @Override
    public List<UUID> findPendingIds(Instant submittedBefore) {
        return byId.values().stream()
                .filter(s -> s.ecg.status() == EcgStatus.PENDING && s.ecg.submittedAt().isBefore(submittedBefore))
                .map(s -> s.ecg.id())
                .toList();
    }

    /** The ECG as stored now, whoever owns it. */
    public Optional<Ecg> stored(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(s -> s.ecg);
    }

    /** The stored analysis report, absent until an analysis was saved. */
    public Optional<AnalysisReport> report(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(s -> s.report);
    }

    public Optional<Instant> analysedAt(UUID id) {
        return Optional.ofNullable(byId.get(id)).map(s -> s.analysedAt);
    }

    public int size() {
        return byId.size();
    }

    private Stored owned(UUID id, UUID ownerId) {
        Stored stored = byId.get(id);
        return stored != null && stored.ecg.ownerId().equals(ownerId) ? stored : null;
    }

    private Stored atRevision(UUID id, long revision) {
        Stored stored = byId.get(id);
        return stored != null && stored.ecg.revision() == revision ? stored : null;
    }

    private static Ecg withStatus(Ecg ecg, EcgStatus status) {
        return new Ecg(ecg.id(), ecg.ownerId(), ecg.recording(), status, ecg.submittedAt(), ecg.revision());
    }

    private static EcgSummary summarise(Stored stored) {
        Ecg ecg = stored.ecg;
        Optional<ZeroCrossings> crossings = Optional.ofNullable(stored.report).flatMap(r -> r.find(ZeroCrossings.class));
        List<LeadSummary> leads = ecg.recording().leads().stream()
                .map(lead -> new LeadSummary(lead.name(), lead.numberOfSamples(),
                        crossings.flatMap(z -> z.perLead().stream()
                                        .filter(c -> c.lead().equals(lead.name()))
                                        .map(ZeroCrossings.LeadCount::count)
                                        .findFirst())
                                .orElse(null)))
                .toList();
        return new EcgSummary(ecg.id(), ecg.recording().date(), ecg.recording().samplingRateHz(), ecg.status(),
                ecg.submittedAt(), stored.analysedAt, leads, stored.report);
    }
}
