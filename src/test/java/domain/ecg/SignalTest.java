package domain.ecg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void ofCopiesTheCallersArraySoLaterChangesDoNotLeakIn() {
        int[] samples = {1, 2, 3};
        Signal signal = Signal.of(samples);

        samples[0] = 99;

        assertEquals(1, signal.get(0));
        assertArrayEquals(new int[] {1, 2, 3}, signal.toArray());
    }

    @Test
    void toArrayHandsOutACopy() {
        Signal signal = Signal.of(4, 5, 6);

        signal.toArray()[1] = -1;

        assertEquals(5, signal.get(1));
    }

    @Test
    void exposesLengthAndSamplesByIndex() {
        Signal signal = Signal.of(7, -8);

        assertEquals(2, signal.length());
        assertEquals(-8, signal.get(1));
    }

    @Test
    void signalsWithTheSameSamplesAreEqual() {
        assertEquals(Signal.of(1, -2, 3), Signal.of(new int[] {1, -2, 3}));
        assertEquals(Signal.of(1, -2, 3).hashCode(), Signal.of(1, -2, 3).hashCode());
    }

    @Test
    void signalsWithDifferentSamplesDiffer() {
        assertNotEquals(Signal.of(1, -2, 3), Signal.of(1, -2, 4));
        assertNotEquals(Signal.of(1, -2), Signal.of(1, -2, 0));
    }

    @Test
    void toStringShowsTheSizeNotTheSamples() {
        assertEquals("Signal[3 samples]", Signal.of(11, 22, 33).toString());
    }
}
