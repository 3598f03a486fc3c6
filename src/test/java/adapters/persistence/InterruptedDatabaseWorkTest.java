package adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.PostgresTestResource;
import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import usecase.ecg.SubmitEcg;

/**
 * A thread interrupted in the middle of database work (a transaction timeout interrupts it) costs at
 * most that thread's work: the embedded H2 database stays open for everyone else. (With H2's plain file
 * system an interrupt closes the database file, and every request fails until a restart.)
 */
@QuarkusTest
class InterruptedDatabaseWorkTest {

    @Inject
    SubmitEcg submitEcg;

    @Test
    void interruptsDuringWritesLeaveTheDatabaseOpen() throws Exception {
        Assumptions.assumeFalse(PostgresTestResource.requested(), "PostgreSQL's driver talks over a socket, not a file");
        String name = "interrupted-" + UUID.randomUUID().toString().substring(0, 8);
        String owner = RestAssured.given().auth().preemptive().basic("admin", "admin-secret-1").contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "interrupted-password")).post("/v1/admin/users")
                .then().statusCode(201).extract().path("id");
        Recording recording = new Recording(null, 250, List.of(new Lead("II", Signal.of(new int[5_000]))));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger stored = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                try {
                    submitEcg.execute(new SubmitEcg.Command(UUID.fromString(owner), null, recording));
                    stored.incrementAndGet();
                } catch (RuntimeException interrupted) {
                    // this write may fail: it was interrupted
                }
                Thread.interrupted();
            }
            writing.set(false);
        });
        writer.start();
        while (writing.get()) {
            writer.interrupt();
            Thread.sleep(0, 200_000);
        }
        writer.join();

        assertTrue(stored.get() > 0);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        int listed = RestAssured.given().auth().preemptive().basic(name, "interrupted-password").get("/v1/ecgs")
                .then().statusCode(200).extract().path("total_items");
        // An interrupt may also land after a commit, failing the call of a write that is stored: never the reverse.
        assertTrue(listed >= stored.get() && listed <= 300, "every acknowledged write is there: " + listed + " of "
                + stored.get());
        RestAssured.given().auth().preemptive().basic(name, "interrupted-password").contentType(ContentType.JSON)
                .body(Map.of("leads", List.of(Map.of("name", "I", "signal", List.of(1, -1))))).post("/v1/ecgs")
                .then().statusCode(202);
    }
}
