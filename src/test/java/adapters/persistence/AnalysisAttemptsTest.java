package adapters.persistence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ecg.Ecg;
import domain.ecg.EcgKey;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import usecase.Transactions;
import usecase.port.AnalysisQueue;
import usecase.port.EcgRepository;
import usecase.port.PendingAnalyses;

/**
 * A recording whose analysis never completes (each attempt crashed the process, or could not store its
 * results) ends failed with the reason after the configured attempts, instead of being analysed again at
 * every start and every retry, forever; on the real database of the run.
 */
@QuarkusTest
class AnalysisAttemptsTest {

    @Inject
    EcgRepository ecgs;

    @Inject
    PendingAnalyses pending;

    @Inject
    Transactions transactions;

    @Inject
    AnalysisQueue queue;

    private static String newUserId() {
        String name = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        return RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "poison-password")).post("/v1/admin/users")
                .then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse report(String owner, EcgKey key) {
        String username = RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .get("/v1/admin/users/" + owner).then().extract().path("username");
        return RestAssured.given().auth().preemptive().basic(username, "poison-password").get("/v1/ecgs/" + key.id())
                .then().statusCode(200);
    }

    private static ValidatableResponse awaitSettled(String owner, EcgKey key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ValidatableResponse response = report(owner, key);
            if (!"pending".equals(response.extract().path("status")) || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(50);
        }
    }

    private static final PendingAnalyses.ClaimTerms TERMS = new PendingAnalyses.ClaimTerms("test-instance", java.time.Duration.ofMinutes(5), 3, "unused");

    private EcgKey storeWithoutQueuing(String owner) {
        Recording recording = new Recording(null, 250, List.of(new Lead("II", Signal.of(5, -5, 5, -5))));
        Ecg ecg = Ecg.submitted(UUID.randomUUID(), UUID.fromString(owner), recording, Instant.now());
        transactions.runInNew(() -> ecgs.add(ecg));
        return ecg.key();
    }

    /** What three crashes in the middle of an attempt leave behind: the attempts counted, nothing stored. */
    private void exhaust(EcgKey key) {
        // Each crashed attempt's claim has lapsed by the time the next one is made.
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant lapsed = Instant.now().minus(TERMS.timeout().multipliedBy(4 - attempt));
            assertEquals(attempt, transactions.inNew(() -> pending.claim(key, TERMS, lapsed)).orElseThrow().attempt());
        }
    }

    @Test
    void aRecordingWhoseAttemptsNeverFinishedEndsFailedWithTheReason() throws InterruptedException {
        String owner = newUserId();
        EcgKey poison = storeWithoutQueuing(owner);
        exhaust(poison);

        queue.enqueue(poison);

        awaitSettled(owner, poison).body("status", equalTo("failed"))
                .body("failure_reason", containsString("did not complete in 3 attempts"))
                .body("zero_crossings_total", nullValue()).body("beats", nullValue());
        assertTrue(pending.findPending(Instant.now().plusSeconds(1), Instant.now()).stream().noneMatch(poison::equals),
                "a failed recording is not retried again");
    }

    @Test
    void aPoisonRecordingDoesNotHoldUpTheOthers() throws InterruptedException {
        String owner = newUserId();
        EcgKey poison = storeWithoutQueuing(owner);
        exhaust(poison);
        EcgKey healthy = storeWithoutQueuing(owner);

        queue.enqueue(poison);
        queue.enqueue(healthy);

        awaitSettled(owner, healthy).body("status", equalTo("done")).body("zero_crossings_total", equalTo(3));
        awaitSettled(owner, poison).body("status", equalTo("failed"));
    }

    @Test
    void aReplacementOfAFailedRecordingIsAnalysedAfresh() throws InterruptedException {
        String owner = newUserId();
        EcgKey poison = storeWithoutQueuing(owner);
        exhaust(poison);
        queue.enqueue(poison);
        awaitSettled(owner, poison).body("status", equalTo("failed"));

        String username = RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .get("/v1/admin/users/" + owner).then().extract().path("username");
        RestAssured.given().auth().preemptive().basic(username, "poison-password").contentType(ContentType.JSON)
                .body(Map.of("leads", List.of(Map.of("name", "II", "signal", List.of(1, -1))))).put("/v1/ecgs/" + poison.id())
                .then().statusCode(202);

        awaitSettled(owner, poison).body("status", equalTo("done")).body("failure_reason", nullValue())
                .body("zero_crossings_total", equalTo(1));
    }

    @Test
    void aReleasedClaimCanBeClaimedAgainAtOnceAndItsAttemptStaysCounted() {
        EcgKey key = storeWithoutQueuing(newUserId());
        Instant now = Instant.now();
        PendingAnalyses.Claim first = transactions.inNew(() -> pending.claim(key, TERMS, now)).orElseThrow();
        assertTrue(transactions.inNew(() -> pending.claim(key, TERMS, now)).isEmpty(), "held by the first claim");

        transactions.runInNew(() -> pending.release(first));

        assertEquals(2, transactions.inNew(() -> pending.claim(key, TERMS, now)).orElseThrow().attempt());
        transactions.runInNew(() -> pending.release(first)); // a claim given back twice, or late, changes nothing
        assertTrue(transactions.inNew(() -> pending.claim(key, TERMS, now)).isEmpty(), "the second claim holds");
    }
}
