package adapters.persistence;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import usecase.Transactions;
import usecase.startup.PrepareDatabase;

/**
 * Rewrites, in the background, the leads stored before seek points existed ({@code samples_encoding} 1) in
 * the layout with seek points, a few ECGs at a time, each ECG in a short transaction of its own that locks
 * its row first (the lock order every writer keeps) and changes nothing but the layout of its samples. Until
 * a lead's turn comes it is read the old way. Once none is left, the job stops looking: new leads are always
 * written with seek points. A storage detail of this adapter, so no use case is involved.
 */
@ApplicationScoped
class LeadLayoutUpgrade {

    private static final Logger LOG = Logger.getLogger(LeadLayoutUpgrade.class);
    private static final int ECGS_PER_RUN = 20;

    private final EcgRows rows;
    private final Transactions transactions;
    private final PrepareDatabase prepare;
    private volatile boolean finished;

    LeadLayoutUpgrade(EcgRows rows, Transactions transactions, PrepareDatabase prepare) {
        this.rows = rows;
        this.transactions = transactions;
        this.prepare = prepare;
    }

    @Scheduled(every = "${sinus.db.lead-upgrade-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void upgradeInTheBackground() {
        if (finished || !prepare.isPrepared()) {
            return;
        }
        try {
            int upgraded = upgradeSome();
            if (upgraded == 0) {
                finished = true;
            } else {
                LOG.infof("gave the leads of %d ECG(s) seek points", upgraded);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not upgrade the layout of stored leads (%s); trying again later", e.getMessage());
        }
    }

    /** @return how many ECGs had leads upgraded (0 when none is left) */
    int upgradeSome() {
        List<UUID> ecgs = transactions.inNew(() -> rows.session().createSelectionQuery(
                        "select distinct l.key.ecgId from LeadEntity l where l.samplesEncoding = :old", UUID.class)
                .setParameter("old", SignalCodec.DELTA_VARINT).setMaxResults(ECGS_PER_RUN).getResultList());
        for (UUID ecg : ecgs) {
            transactions.runInNew(() -> upgrade(ecg));
        }
        return ecgs.size();
    }

    private void upgrade(UUID ecgId) {
        if (rows.session().find(EcgEntity.class, ecgId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return; // deleted meanwhile
        }
        rows.session().createSelectionQuery("from LeadEntity l where l.key.ecgId = :id and l.samplesEncoding = :old",
                        LeadEntity.class)
                .setParameter("id", ecgId).setParameter("old", SignalCodec.DELTA_VARINT).getResultList()
                .forEach(lead -> {
                    int[] samples = SignalCodec.decode(lead.samplesEncoding, lead.samples, lead.numberOfSamples);
                    lead.samples = SignalCodec.encodeBlocked(domain.ecg.Signal.wrap(samples));
                    lead.samplesEncoding = SignalCodec.BLOCKED_DELTA_VARINT;
                });
    }
}
