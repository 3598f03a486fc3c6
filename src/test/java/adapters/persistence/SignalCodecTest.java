package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Signal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalCodecTest {

    @Test
    void everyIntRoundTripsWhateverTheJumpsBetweenThem() {
        Random random = new Random(5);
        int[] samples = new int[200_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = switch (i % 4) {
                case 0 -> random.nextInt();
                case 1 -> Integer.MIN_VALUE;
                case 2 -> Integer.MAX_VALUE;
                default -> random.nextInt(2000) - 1000;
            };
        }

        byte[] encoded = SignalCodec.encode(Signal.of(samples));

        assertArrayEquals(samples, SignalCodec.decode(encoded, samples.length));
        assertArrayEquals(encoded, SignalCodec.encode(samples));
    }

    @Test
    void anEcgLikeSignalTakesAboutOneByteAPerSample() {
        int[] samples = new int[100_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (int) Math.round(800 * Math.sin(2 * Math.PI * i / 300.0));
        }

        byte[] encoded = SignalCodec.encode(Signal.of(samples));

        assertTrue(encoded.length < 1.5 * samples.length, encoded.length + " bytes");
        assertArrayEquals(samples, SignalCodec.decode(encoded, samples.length));
    }
}
