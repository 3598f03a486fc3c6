package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.PostgresTestResource;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import usecase.ecg.SubmitEcg;

/**
 * A thread that is interrupted while it writes (a transaction timeout interrupts the reaper's worker in the
 * middle of its rollback) costs at most that thread's work: the embedded H2 database stays open for everyone
 * else. With H2's plain file system a pending interrupt makes the next file write throw
 * {@code ClosedByInterruptException}, H2 closes the database, and every request fails until a restart.
 *
 * <p>Each write here runs with its interrupt already pending, so every file operation it makes meets the
 * interrupt: the outcome does not depend on timing. Nothing else writes meanwhile (each write's analysis is
 * awaited), because H2's own lock waits turn an interrupt into a closed store when writers contend; Sinus keeps
 * interrupts away from the driver (no long transactions, see the README) rather than relying on that.
 */
@QuarkusTest
class InterruptedDatabaseWorkTest {

    private static final int WRITES = 20;

    @Inject
    SubmitEcg submitEcg;

    @Test
    void writesWithAPendingInterruptLeaveTheDatabaseOpenAndAreStored() throws Exception {
        Assumptions.assumeFalse(PostgresTestResource.requested(), "PostgreSQL's driver talks over a socket, not a file");
        String name = "interrupted-" + UUID.randomUUID().toString().substring(0, 8);
        UUID owner = UUID.fromString(RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1")
                .contentType(ContentType.JSON).body(Map.of("username", name, "password", "interrupted-password"))
                .post("/v1/admin/users").then().statusCode(201).extract().path("id"));
        Recording recording = new Recording(null, 250, List.of(new Lead("II", Signal.of(new int[5_000]))));
        // The first write loads the classes a submission needs, so that the interrupts below meet only database work.
        awaitAnalysed(submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id(), name);

        for (int i = 0; i < WRITES; i++) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                Thread.currentThread().interrupt();
                try {
                    outcome.set(submitEcg.execute(new SubmitEcg.Command(owner, null, recording)).id());
                } catch (RuntimeException failed) {
                    outcome.set(failed);
                }
            });
            writer.start();
            writer.join();
            assertTrue(outcome.get() instanceof UUID, "write " + i + " with a pending interrupt failed: " + outcome.get());
            awaitAnalysed((UUID) outcome.get(), name);
        }

        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        int listed = user(name).get("/v1/ecgs").then().statusCode(200).extract().path("total_items");
        assertEquals(WRITES + 1, listed);
        user(name).contentType(ContentType.JSON)
                .body(Map.of("leads", List.of(Map.of("name", "I", "signal", List.of(1, -1))))).post("/v1/ecgs")
                .then().statusCode(202);
    }

    private static RequestSpecification user(String name) {
        return RestAssured.given().auth().preemptive().basic(name, "interrupted-password");
    }

    private static void awaitAnalysed(UUID id, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"done".equals(user(name).get("/v1/ecgs/" + id).then().statusCode(200).extract().path("status"))) {
            assertTrue(System.nanoTime() < deadline, "ECG " + id + " not analysed after 15 s");
            Thread.sleep(20);
        }
    }
}
