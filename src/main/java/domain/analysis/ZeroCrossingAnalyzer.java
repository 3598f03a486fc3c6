package domain.analysis;

import domain.ecg.Recording;
import domain.ecg.Signal;

/**
 * Counts, per lead, the neighbouring sample pairs whose signs are strictly opposite. A sample equal
 * to 0 has no sign, so it never takes part in a crossing: {@code -1, 0, 45} counts 0, and
 * {@code 5, 0, -4, 23, -9} counts 2. This matches the definition of the system Sinus replaces.
 */
public final class ZeroCrossingAnalyzer implements Analyzer {

    @Override
    public ZeroCrossings analyse(Recording recording, AnalysisReport earlier) {
        return new ZeroCrossings(recording.leads().stream()
                .map(lead -> new ZeroCrossings.LeadCount(lead.name(), count(lead.signal())))
                .toList());
    }

    public static int count(Signal signal) {
        int crossings = 0;
        int previous = signal.length() == 0 ? 0 : signal.get(0);
        for (int i = 1; i < signal.length(); i++) {
            int current = signal.get(i);
            crossings += (int) (((long) previous * current) >>> 63); // the sign bit of the product: branch-free
            previous = current;
        }
        return crossings;
    }
}
