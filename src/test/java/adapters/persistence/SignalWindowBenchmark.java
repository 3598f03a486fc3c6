package adapters.persistence;

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
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.port.EcgRepository;
import usecase.port.SignalWindow;

/**
 * How long a 10-second window in the middle of a 24-hour lead takes to read, against the whole lead, on the
 * database of the run; once stored with seek points and once in the layout of leads stored before them.
 * Run by {@code src/test/bench/window.sh} (not part of the test suite: it prints figures, it asserts only
 * that the windows are right).
 */
@QuarkusTest
class SignalWindowBenchmark {

    private static final int RATE = 360;
    private static final int SAMPLES = RATE * 86_400; // 31.1 M: one 24-hour Holter lead

    @Inject
    EcgRepository ecgs;

    @Inject
    Transactions transactions;

    @Inject
    ActiveSession sessions;

    @Test
    void windowAgainstWholeLead() {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = UUID.fromString(RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .contentType(ContentType.JSON).body(Map.of("username", name, "password", "bench-password"))
                .post("/v1/admin/users").then().statusCode(201).extract().path("id"));
        int[] samples = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int inBeat = i % 300; // 72 bpm: a QRS-like spike on a slow wave, with a little noise
            samples[i] = (int) Math.round(150 * Math.sin(2 * Math.PI * i / 300.0)) + (inBeat < 10 ? 900 - 90 * inBeat : 0)
                    + (i * 7919 % 23) - 11;
        }
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), owner,
                new Recording(null, RATE, List.of(new Lead("II", Signal.wrap(samples)))), Instant.now());
        long stored = System.nanoTime();
        transactions.runInNew(() -> ecgs.add(ecg));
        System.out.printf("%nstored one %,d-sample lead in %.1f s%n", SAMPLES, (System.nanoTime() - stored) / 1e9);
        EcgKey key = ecg.key();
        double middle = 43_200;
        int from = (int) (middle * RATE);
        int[] expected = Arrays.copyOfRange(samples, from, from + 10 * RATE);

        System.out.printf("%-44s %12s %12s%n", "read (median of timed runs)", "10 s window", "whole lead");
        report("with seek points (samples_encoding 2)", key, middle, expected);
        OldLayout.rewrite(sessions, transactions, key, 0, samples);
        report("decoded from sample 0 (samples_encoding 1)", key, middle, expected);
    }

    private void report(String layout, EcgKey key, double middle, int[] expected) {
        Supplier<SignalWindow> window = () -> ecgs.findSignalWindow(key, "II", middle, middle + 10).orElseThrow();
        Supplier<SignalWindow> whole = () -> ecgs.findSignalWindow(key, "II", 0, 86_400).orElseThrow();
        if (!Arrays.equals(expected, window.get().samples()) || whole.get().samples().length != SAMPLES) {
            throw new AssertionError("the window read is not the stored stretch");
        }
        System.out.printf("%-44s %9.2f ms %9.0f ms%n", layout, median(window, 200), median(whole, 5));
    }

    private static double median(Supplier<SignalWindow> read, int runs) {
        for (int i = 0; i < Math.min(runs, 20); i++) {
            read.get(); // warm-up
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            read.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
