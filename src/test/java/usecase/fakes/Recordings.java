package usecase.fakes;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small valid recordings for use-case tests. */
public final class Recordings {

    private Recordings() {
    }

    /** One lead per signal, named I, II, III, ... in order. */
    public static Recording of(int[]... signals) {
        String[] names = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < signals.length; i++) {
            leads.add(new Lead(names[i], Signal.of(signals[i])));
        }
        return new Recording(Instant.parse("2024-02-29T08:30:00Z"), 500, leads);
    }
}
