package usecase.fakes;

import domain.ConflictException;
import domain.analysis.AnalysisReport;
import domain.analysis.ZeroCrossings;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import usecase.port.EcgSummary;
import usecase.port.LeadSummary;
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
import usecase.port.EcgBeats;
import usecase.port.EcgRepository;
import usecase.port.PendingAnalyses;
import usecase.port.SignalWindow;
import usecase.port.StoredEcg;

/** Keeps ECGs in a map by owner and id, and honours both ports' contracts on owners, revisions and attempts. */
public final class InMemoryEcgRepository implements EcgRepository, PendingAnalyses {

    private static final class Stored {
        Ecg ecg;
        AnalysisReport report;
        Instant analysedAt;
        Instant pendingSince;
        int attempts;
        String failureReason;
        String claimedBy;
        Instant claimedUntil;

        Stored(Ecg ecg) {
            this.ecg = ecg;
            this.pendingSince = ecg.submittedAt();
        }
    }

    private final Map<EcgKey, Stored> byKey = new LinkedHashMap<>();

    @Override
    public void add(Ecg ecg) {
        if (byKey.containsKey(ecg.key())) {
            throw new ConflictException("an ECG with id " + ecg.id() + " already exists");
        }
        byKey.put(ecg.key(), new Stored(ecg));
    }

    @Override
    public List<StoredEcg> storedPage(EcgKey after, int limit, long maxSamples) {
        Comparator<EcgKey> order = Comparator.comparing(EcgKey::ownerId).thenComparing(EcgKey::id);
        return byKey.values().stream()
                .filter(s -> after == null || order.compare(s.ecg.key(), after) > 0)
                .sorted(Comparator.comparing(s -> s.ecg.key(), order))
                .limit(limit)
                .map(s -> new StoredEcg(s.ecg, s.analysedAt, s.report))
                .toList();
    }

    @Override
    public boolean restore(StoredEcg stored) {
        if (byKey.containsKey(stored.ecg().key())) {
            return false;
        }
        Stored copy = new Stored(stored.ecg());
        copy.analysedAt = stored.analysedAt();
        copy.report = stored.report();
        byKey.put(stored.ecg().key(), copy);
        return true;
    }

    @Override
    public boolean replace(EcgKey key, Recording recording) {
        Stored stored = byKey.get(key);
        if (stored == null) {
            return false;
        }
        Ecg old = stored.ecg;
        stored.ecg = new Ecg(key.id(), key.ownerId(), recording, EcgStatus.PENDING, old.submittedAt(), old.revision() + 1);
        stored.report = null;
        stored.analysedAt = null;
        stored.attempts = 0;
        stored.failureReason = null;
        stored.claimedUntil = null;
        return true;
    }

    @Override
    public boolean delete(EcgKey key) {
        return byKey.remove(key) != null;
    }

    @Override
    public Optional<EcgSummary> findSummary(EcgKey key) {
        return Optional.ofNullable(byKey.get(key)).map(InMemoryEcgRepository::summarise);
    }

    @Override
    public Optional<EcgBeats> findBeats(EcgKey key) {
        return Optional.ofNullable(byKey.get(key)).map(s -> new EcgBeats(s.ecg.status(),
                s.report == null ? null : s.report.find(domain.analysis.Beats.class).orElse(null)));
    }

    @Override
    public Optional<SignalWindow> findSignalWindow(EcgKey key, String lead, double fromS, double toS) {
        Stored stored = byKey.get(key);
        if (stored == null) {
            return Optional.empty();
        }
        Recording recording = stored.ecg.recording();
        return recording.leads().stream().filter(l -> l.name().equals(lead)).findFirst().map(l -> {
            SignalWindow.Span span = SignalWindow.span(recording.samplingRateHz(), l.numberOfSamples(), fromS, toS);
            int[] samples = new int[span.to() - span.from()];
            for (int i = span.from(); i < span.to(); i++) {
                samples[i - span.from()] = l.signal().get(i);
            }
            return new SignalWindow(lead, recording.samplingRateHz(), l.numberOfSamples(), span.from(), samples);
        });
    }

    @Override
    public Page<EcgSummary> list(UUID ownerId, PageRequest request) {
        List<EcgSummary> all = byKey.values().stream()
                .filter(s -> s.ecg.ownerId().equals(ownerId))
                .sorted(Comparator.comparing((Stored s) -> s.ecg.submittedAt()).reversed())
                .map(InMemoryEcgRepository::summarise)
                .toList();
        List<EcgSummary> page = all.stream().skip(request.offset()).limit(request.size()).toList();
        return new Page<>(page, request.page(), request.size(), all.size());
    }

    @Override
    public Optional<Claim> claim(EcgKey key, ClaimTerms terms, Instant now) {
        Stored stored = byKey.get(key);
        if (stored == null || stored.ecg.status() != EcgStatus.PENDING || claimedAt(stored, now)) {
            return Optional.empty();
        }
        if (stored.attempts >= terms.maxAttempts()) {
            finish(stored, EcgStatus.FAILED, terms.exhaustedReason(), now);
            return Optional.empty();
        }
        stored.attempts++;
        stored.claimedBy = terms.instance();
        stored.claimedUntil = now.plus(terms.timeout());
        return Optional.of(new Claim(key, stored.ecg.revision(), stored.attempts));
    }

    private static boolean claimedAt(Stored stored, Instant now) {
        return stored.claimedUntil != null && stored.claimedUntil.isAfter(now);
    }

    @Override
    public int releaseClaims(String instance) {
        int released = 0;
        for (Stored stored : byKey.values()) {
            if (stored.ecg.status() == EcgStatus.PENDING && instance.equals(stored.claimedBy) && stored.claimedUntil != null) {
                stored.claimedUntil = null;
                released++;
            }
        }
        return released;
    }

    @Override
    public void release(Claim claim) {
        Stored stored = atClaim(claim);
        if (stored != null && stored.attempts == claim.attempt()) {
            stored.claimedUntil = null;
        }
    }

    @Override
    public Optional<Ecg> load(Claim claim) {
        return Optional.ofNullable(atClaim(claim)).map(s -> s.ecg);
    }

    @Override
    public boolean saveAnalysis(Claim claim, AnalysisReport report, Instant analysedAt) {
        Stored stored = atClaim(claim);
        if (stored == null) {
            return false;
        }
        finish(stored, EcgStatus.DONE, null, analysedAt);
        stored.report = report;
        return true;
    }

    @Override
    public boolean markFailed(Claim claim, String reason, Instant at) {
        Stored stored = atClaim(claim);
        if (stored == null) {
            return false;
        }
        finish(stored, EcgStatus.FAILED, reason, at);
        return true;
    }

    @Override
    public List<EcgKey> findPending(Instant before, Instant now) {
        return byKey.values().stream()
                .filter(s -> s.ecg.status() == EcgStatus.PENDING && s.pendingSince.isBefore(before) && !claimedAt(s, now))
                .map(s -> s.ecg.key())
                .toList();
    }

    @Override
    public long countPending() {
        return byKey.values().stream().filter(s -> s.ecg.status() == EcgStatus.PENDING).count();
    }

        /** The ECG as stored now. */
    public Optional<Ecg> stored(EcgKey key) {
        return Optional.ofNullable(byKey.get(key)).map(s -> s.ecg);
    }

    /** The stored analysis report, absent until an analysis was saved. */
    public Optional<AnalysisReport> report(EcgKey key) {
        return Optional.ofNullable(byKey.get(key)).map(s -> s.report);
    }

    public Optional<Instant> analysedAt(EcgKey key) {
        return Optional.ofNullable(byKey.get(key)).map(s -> s.analysedAt);
    }

    public int attempts(EcgKey key) {
        return byKey.get(key).attempts;
    }

    public int size() {
        return byKey.size();
    }

    private Stored atClaim(Claim claim) {
        Stored stored = byKey.get(claim.key());
        return stored != null && stored.ecg.revision() == claim.revision() && stored.ecg.status() == EcgStatus.PENDING
                ? stored : null;
    }

    private static void finish(Stored stored, EcgStatus status, String reason, Instant at) {
        Ecg ecg = stored.ecg;
        stored.ecg = new Ecg(ecg.id(), ecg.ownerId(), ecg.recording(), status, ecg.submittedAt(), ecg.revision());
        stored.report = null;
        stored.analysedAt = at;
        stored.failureReason = reason;
        stored.claimedUntil = null;
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
                ecg.submittedAt(), stored.analysedAt, leads, stored.report,
                ecg.status() == EcgStatus.FAILED ? stored.failureReason : null);
    }
}
