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

    @Test
    void theBlockedLayoutRoundTripsAtEveryLengthAroundABlock() {
        int block = SignalCodec.BLOCK;
        for (int count : new int[] {0, 1, block - 1, block, block + 1, 3 * block, 25 * block + 17}) {
            int[] samples = new Random(count).ints(count, -40_000, 40_000).toArray();

            byte[] encoded = SignalCodec.encodeBlocked(Signal.of(samples));

            assertArrayEquals(samples, SignalCodec.decode(SignalCodec.BLOCKED_DELTA_VARINT, encoded, count), "" + count);
            assertArrayEquals(samples, SignalCodec.decode(SignalCodec.DELTA_VARINT, SignalCodec.encode(samples), count));
        }
    }

    @Test
    void anyStretchDecodesFromTheBlocksThatHoldItAlone() {
        int block = SignalCodec.BLOCK;
        int count = 9 * block + 500;
        int[] samples = new Random(9).ints(count, -3000, 3000).toArray();
        byte[] encoded = SignalCodec.encodeBlocked(Signal.of(samples));
        Random random = new Random(10);
        for (int trial = 0; trial < 500; trial++) {
            int from = random.nextInt(count);
            int to = from + random.nextInt(count - from) + 1;
            int firstBlock = from / block;
            int endBlock = (to - 1) / block + 1;
            int start = SignalCodec.readInt(encoded, 4 * firstBlock);
            int end = endBlock == SignalCodec.blocks(count) ? encoded.length : SignalCodec.readInt(encoded, 4 * endBlock);
            byte[] only = java.util.Arrays.copyOfRange(encoded, start, end); // nothing before or after those blocks

            assertArrayEquals(java.util.Arrays.copyOfRange(samples, from, to),
                    SignalCodec.decodeBlocks(only, 0, firstBlock, from, to), from + ".." + to);
        }
    }

    @Test
    void theTableOfBlocksCostsAboutOneThousandthOfALead() {
        int[] samples = new int[360 * 3600];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (int) Math.round(800 * Math.sin(2 * Math.PI * i / 300.0));
        }

        int plain = SignalCodec.encode(samples).length;
        int blocked = SignalCodec.encodeBlocked(Signal.of(samples)).length;

        assertTrue(blocked < plain * 1.002, plain + " vs " + blocked + " bytes");
    }
}
