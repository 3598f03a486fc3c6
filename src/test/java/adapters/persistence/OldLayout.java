package adapters.persistence;

import domain.ecg.EcgKey;
import usecase.Transactions;

/** Puts a stored lead back into the layout of leads stored before seek points existed. */
final class OldLayout {

    private OldLayout() {
    }

    /** @return how many leads were rewritten (1, unless the ECG or the lead is not there) */
    static int rewrite(ActiveSession sessions, Transactions transactions, EcgKey key, int leadIndex, int[] samples) {
        return transactions.inNew(() -> sessions.get().createNativeMutationQuery("""
                        update ecg_leads set samples_encoding = :old, samples = :samples where lead_index = :index
                        and ecg_id = (select id from ecgs where owner_id = :owner and public_id = :id)""")
                .setParameter("old", SignalCodec.DELTA_VARINT).setParameter("samples", SignalCodec.encode(samples))
                .setParameter("index", leadIndex).setParameter("owner", key.ownerId()).setParameter("id", key.id())
                .executeUpdate());
    }
}
