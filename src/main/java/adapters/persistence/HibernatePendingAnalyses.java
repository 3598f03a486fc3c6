package adapters.persistence;

import domain.analysis.AnalysisReport;
import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.EcgStatus;
import domain.ecg.Lead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import usecase.port.PendingAnalyses;

/**
 * The analysis worker's steps, each one short transaction; writers lock the ECG's row first (see {@link EcgRows}).
 * A claim is a lease on the row ({@code claimed_by}, {@code claimed_until}): it outlives the claiming transaction,
 * so another instance that is handed the same ECG meanwhile leaves it alone, and it lapses by itself if the
 * claiming instance stops.
 */
@ApplicationScoped
@Transactional // reads open their own transaction; writes require the caller's (a use case's)
public class HibernatePendingAnalyses implements PendingAnalyses {

    private final EcgRows rows;

    HibernatePendingAnalyses(EcgRows rows) {
        this.rows = rows;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> claim(EcgKey key, ClaimTerms terms, Instant now) {
        EcgEntity locked = rows.lockUnlessBusy(key);
        if (locked == null || !EcgStatus.PENDING.name().equals(locked.status)
                || locked.claimedUntil != null && locked.claimedUntil.isAfter(now)) {
            return Optional.empty(); // gone, finished, or someone else is on it
        }
        if (locked.analysisAttempts >= terms.maxAttempts()) {
            rows.finish(locked, EcgStatus.FAILED, terms.exhaustedReason(), now);
            return Optional.empty();
        }
        int attempt = locked.analysisAttempts + 1;
        rows.session().createMutationQuery("""
                        update EcgEntity e set e.analysisAttempts = :attempt, e.claimedBy = :instance,
                               e.claimedUntil = :until
                        where e.id = :id""")
                .setParameter("attempt", attempt).setParameter("instance", terms.instance())
                .setParameter("until", now.plus(terms.timeout())).setParameter("id", locked.id).executeUpdate();
        return Optional.of(new Claim(key, locked.revision, attempt));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int releaseClaims(String instance) {
        return rows.session().createMutationQuery("""
                        update EcgEntity e set e.claimedUntil = null
                        where e.status = :pending and e.claimedBy = :instance and e.claimedUntil is not null""")
                .setParameter("pending", EcgStatus.PENDING.name()).setParameter("instance", instance).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Claim claim) {
        rows.session().createMutationQuery("update EcgEntity e set e.claimedUntil = null where e.ownerId = :owner"
                        + " and e.publicId = :id and e.revision = :revision and e.analysisAttempts = :attempt"
                        + " and e.status = :pending")
                .setParameter("owner", claim.key().ownerId()).setParameter("id", claim.key().id())
                .setParameter("revision", claim.revision()).setParameter("attempt", claim.attempt())
                .setParameter("pending", EcgStatus.PENDING.name()).executeUpdate();
    }

    @Override
    public Optional<Ecg> load(Claim claim) {
        EcgEntity entity = rows.find(claim.key());
        if (!atClaim(entity, claim)) {
            return Optional.empty();
        }
        Map<UUID, List<Lead>> leads = rows.leadsOf(List.of(entity.id));
        // A replacement committed between the two queries would pair this revision's rate with new leads.
        if (!EcgRows.versionsOf(List.of(entity)).equals(rows.versions(List.of(entity.id)))) {
            return Optional.empty();
        }
        return Optional.of(EcgRows.toEcg(entity, leads.get(entity.id)));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean saveAnalysis(Claim claim, AnalysisReport report, Instant analysedAt) {
        return finish(claim, EcgStatus.DONE, report, null, analysedAt);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markFailed(Claim claim, String reason, Instant at) {
        return finish(claim, EcgStatus.FAILED, null, reason, at);
    }

    /** Records the outcome of the claimed attempt, with its results if any, if the ECG is still where it was claimed. */
    private boolean finish(Claim claim, EcgStatus status, AnalysisReport report, String reason, Instant at) {
        EcgEntity locked = rows.lock(claim.key());
        if (!atClaim(locked, claim)) {
            return false;
        }
        rows.deleteResults(locked.id);
        if (report != null) {
            rows.saveResults(locked.id, report);
        }
        rows.finish(locked, status, reason, at);
        return true;
    }

    private static boolean atClaim(EcgEntity entity, Claim claim) {
        return entity != null && entity.revision == claim.revision() && EcgStatus.PENDING.name().equals(entity.status);
    }

    @Override
    public List<EcgKey> findPending(Instant before, Instant now) {
        return rows.session().createSelectionQuery("""
                        select e.ownerId, e.publicId from EcgEntity e
                        where e.status = :pending and e.pendingSince < :before
                              and (e.claimedUntil is null or e.claimedUntil <= :now)
                        order by e.pendingSince""", Object[].class)
                .setParameter("pending", EcgStatus.PENDING.name()).setParameter("before", before)
                .setParameter("now", now)
                .getResultList().stream().map(row -> new EcgKey((UUID) row[0], (UUID) row[1])).toList();
    }

    @Override
    public long countPending() {
        return rows.session().createSelectionQuery("select count(*) from EcgEntity e where e.status = :pending", Long.class)
                .setParameter("pending", EcgStatus.PENDING.name()).getSingleResult();
    }
}
