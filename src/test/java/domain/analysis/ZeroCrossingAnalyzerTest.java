package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroCrossingAnalyzerTest {

    private static int count(int... samples) {
        return ZeroCrossingAnalyzer.count(Signal.of(samples));
    }

    @Test
    void countsEverySignChangeBetweenNeighbours() {
        assertEquals(2, count(1, -3, 5));
    }

    @Test
    void countsCrossingsOnlyBetweenStrictlyOppositeSigns() {
        assertEquals(2, count(5, 0, -4, 23, -9));
    }

    @Test
    void countsNothingForASignalThatStaysNegative() {
        assertEquals(0, count(-1, -4, -1, -3, -10, -12, -45, -45, -59, -59));
    }

    @Test
    void aZeroSampleBetweenOppositeSignsIsNotACrossing() {
        assertEquals(0, count(-1, 0, 45));
    }

    @Test
    void aSingleSampleHasNoCrossing() {
        assertEquals(0, count(-7));
    }

    @Test
    void extremeNeighboursOfOppositeSignCountAsACrossingWithoutOverflow() {
        assertEquals(1, count(Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(1, count(Integer.MAX_VALUE, Integer.MIN_VALUE));
        // In 32-bit arithmetic these products wrap to a positive number or to 0.
        assertEquals(1, count(-2, Integer.MAX_VALUE));
        assertEquals(1, count(2, Integer.MIN_VALUE));
    }

    @Test
    void extremeNeighboursOfTheSameSignAreNotACrossing() {
        // In 32-bit arithmetic -1 * MIN_VALUE wraps to a negative number.
        assertEquals(0, count(-1, Integer.MIN_VALUE));
        assertEquals(0, count(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(0, count(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void aSineCrossesZeroTwicePerPeriod() {
        int samplingRateHz = 1000;
        int seconds = 2;
        int n = samplingRateHz * seconds;
        // pi/7 keeps every sample away from zero: with whole frequencies below 500 Hz,
        // 2*pi*f*k/fs + pi/7 is never a multiple of pi.
        double phase = Math.PI / 7;
        for (int frequencyHz = 1; frequencyHz <= 40; frequencyHz++) {
            int[] samples = new int[n];
            for (int k = 0; k < n; k++) {
                double t = (double) k / samplingRateHz;
                samples[k] = (int) Math.round(1000 * Math.sin(2 * Math.PI * frequencyHz * t + phase));
                assertNotEquals(0, samples[k], "test set-up: sample " + k + " at " + frequencyHz + " Hz is 0");
            }
            // Zeros of sin(theta) lie at multiples of pi; count those in (phase, theta at the last sample).
            double lastTheta = 2 * Math.PI * frequencyHz * (n - 1) / samplingRateHz + phase;
            int analytic = (int) Math.floor(lastTheta / Math.PI) - (int) Math.floor(phase / Math.PI);
            int twicePerPeriod = 2 * frequencyHz * seconds;
            assertEquals(twicePerPeriod, analytic, "test set-up at " + frequencyHz + " Hz");

            assertEquals(twicePerPeriod, ZeroCrossingAnalyzer.count(Signal.of(samples)),
                    "zero crossings of a " + frequencyHz + " Hz sine over " + seconds + " s");
        }
    }

    @Test
    void reportsOneCountPerLeadInLeadOrderAndTheirTotal() {
        Recording recording = new Recording(null, 250, List.of(
                new Lead("V2", Signal.of(1, -3, 5)),
                new Lead("I", Signal.of(-1, 0, 45)),
                new Lead("aVR", Signal.of(5, 0, -4, 23, -9, 8))));

        ZeroCrossings result = new ZeroCrossingAnalyzer().analyse(recording, new AnalysisReport(java.util.List.of()));

        assertEquals(List.of(
                new ZeroCrossings.LeadCount("V2", 2),
                new ZeroCrossings.LeadCount("I", 0),
                new ZeroCrossings.LeadCount("aVR", 3)), result.perLead());
        assertEquals(5, result.total());
    }

    @Test
    void sameRecordingAlwaysYieldsTheSameResult() {
        Recording recording = new Recording(null, null, List.of(new Lead("II", Signal.of(3, -2, 4, -1))));
        ZeroCrossingAnalyzer analyzer = new ZeroCrossingAnalyzer();

        assertEquals(analyzer.analyse(recording, new AnalysisReport(java.util.List.of())), analyzer.analyse(recording, new AnalysisReport(java.util.List.of())));
    }
}
