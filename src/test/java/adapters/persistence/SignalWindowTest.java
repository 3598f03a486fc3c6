package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.port.EcgRepository;
import usecase.port.SignalWindow;

/** Windows of one lead read from the real database of the run, against slices of what was stored. */
@QuarkusTest
class SignalWindowTest {

    private static final int RATE = 250;

    @Inject
    EcgRepository ecgs;

    @Inject
    Transactions transactions;

    @Inject
    ActiveSession sessions;

    private static UUID newUser() {
        String name = "window-" + UUID.randomUUID().toString().substring(0, 8);
        return UUID.fromString(RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .contentType(ContentType.JSON).body(Map.of("username", name, "password", "window-password"))
                .post("/v1/admin/users").then().statusCode(201).extract().path("id"));
    }

    private static int[] ecgLike(int count, long seed) {
        Random random = new Random(seed);
        int[] samples = new int[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (int) Math.round(900 * Math.sin(2 * Math.PI * i / 200.0)) + random.nextInt(41) - 20
                    + (i % 190 == 0 ? 30_000 : 0);
        }
        return samples;
    }

    private EcgKey store(UUID owner, Integer rate, int[]... leads) {
        List<Lead> stored = new java.util.ArrayList<>();
        for (int i = 0; i < leads.length; i++) {
            stored.add(new Lead(i == 0 ? "II" : "V" + i, Signal.of(leads[i])));
        }
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), owner, new Recording(null, rate, stored), Instant.now());
        transactions.runInNew(() -> ecgs.add(ecg));
        return ecg.key();
    }

    private SignalWindow window(EcgKey key, String lead, double from, double to) {
        return ecgs.findSignalWindow(key, lead, from, to).orElseThrow();
    }

    private void assertWindowsMatch(EcgKey key, String lead, int[] samples) {
        double seconds = samples.length / (double) RATE;
        double block = SignalCodec.BLOCK / (double) RATE;
        double[][] windows = {
                {0, 10}, {0, seconds}, {block - 1, block + 1}, {block, 2 * block}, {2 * block - 0.002, 2 * block},
                {seconds - 3, seconds}, {seconds - 3, seconds + 100}, {12.345, 67.891}, {30, 30}, {seconds + 5, seconds + 9}};
        for (double[] w : windows) {
            SignalWindow window = window(key, lead, w[0], w[1]);
            int from = (int) Math.min(samples.length, Math.floor(w[0] * RATE));
            int to = (int) Math.max(from, Math.min(samples.length, Math.ceil(w[1] * RATE)));
            assertEquals(from, window.firstSample(), Arrays.toString(w));
            assertArrayEquals(Arrays.copyOfRange(samples, from, to), window.samples(), Arrays.toString(w));
            assertEquals(samples.length, window.leadSamples());
            assertEquals(RATE, window.samplingRateHz());
        }
    }

    @Test
    void aWindowHoldsExactlyTheStoredSamplesOfThatStretchOfThatLead() {
        int[] first = ecgLike(5 * SignalCodec.BLOCK + 123, 1);
        int[] second = ecgLike(5 * SignalCodec.BLOCK + 123, 2);
        EcgKey key = store(newUser(), RATE, first, second);

        assertWindowsMatch(key, "II", first);
        assertWindowsMatch(key, "V1", second);
    }

    @Test
    void leadsStoredBeforeSeekPointsExistedAreReadTheOldWay() {
        int[] samples = ecgLike(3 * SignalCodec.BLOCK + 7, 3);
        EcgKey key = store(newUser(), RATE, samples);
        assertEquals(1, OldLayout.rewrite(sessions, transactions, key, 0, samples));

        assertWindowsMatch(key, "II", samples);
    }

    @Test
    void noWindowOfAnotherOwnersEcgOrOfALeadThatIsNotThere() {
        UUID owner = newUser();
        EcgKey key = store(owner, RATE, ecgLike(1000, 4));

        assertTrue(ecgs.findSignalWindow(new EcgKey(newUser(), key.id()), "II", 0, 1).isEmpty());
        assertTrue(ecgs.findSignalWindow(key, "aVR", 0, 1).isEmpty());
        assertTrue(ecgs.findSignalWindow(new EcgKey(owner, UUID.randomUUID()), "II", 0, 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ecgs.findSignalWindow(key, "II", 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ecgs.findSignalWindow(key, "II", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> ecgs.findSignalWindow(key, "II", 0, Double.NaN));
    }

    @Test
    void withoutASamplingRateThereIsNoTimeAxisAndSoNoWindow() {
        EcgKey key = store(newUser(), null, ecgLike(1000, 5));

        SignalWindow window = window(key, "II", 0, 10);

        assertEquals(null, window.samplingRateHz());
        assertEquals(0, window.samples().length);
        assertEquals(1000, window.leadSamples());
    }
}
