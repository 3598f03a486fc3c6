package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers of the same ECGs at once, through the API, on the database of the run (the suite
 * runs every API test on H2 and on PostgreSQL). Whatever the interleaving, every answer is a 2xx or a 4xx
 * with a reason, never a 500 or a deadlock; every report is one consistent state; and every ECG ends
 * analysed, with the results of its last recording.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class ConcurrentWritersApiTest {

    private static final int CLIENTS = 8;

    /** A one-lead recording whose zero crossings give away which body it was: {@code crossings} of them. */
    private static Map<String, Object> recording(int crossings) {
        int[] signal = new int[crossings + 1];
        for (int i = 0; i < signal.length; i++) {
            signal[i] = i % 2 == 0 ? 5 : -5;
        }
        return Map.of("sampling_rate_hz", 250, "leads", List.of(Map.of("name", "II", "signal", signal)));
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the ECG is no longer pending; fails if it stays pending. */
    private static Response awaitSettled(TestAccounts.User user, String id, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Response report = user.request().get("/v1/ecgs/" + id);
            assertEquals(200, report.statusCode(), report.asString());
            if (!"pending".equals(report.path("status")) || System.nanoTime() > deadline) {
                assertEquals("done", report.path("status"), "ECG " + id + " did not settle: " + report.asString());
                return report;
            }
            Thread.sleep(20);
        }
    }

    /** A report is one state: pending without any result, or done with all of them. */
    private static void assertConsistent(Map<?, ?> report) {
        Object status = report.get("status");
        List<Object> crossings = ((List<?>) report.get("leads")).stream()
                .map(lead -> ((Map<?, ?>) lead).get("zero_crossings")).map(Object.class::cast).toList();
        String shown = report.toString();
        if ("pending".equals(status)) {
            assertNull(report.get("analysed_at"), shown);
            assertNull(report.get("zero_crossings_total"), shown);
            assertNull(report.get("beats"), shown);
            assertTrue(crossings.stream().allMatch(c -> c == null), "a pending report with results: " + shown);
        } else {
            assertEquals("done", status, shown);
            assertNotNull(report.get("analysed_at"), shown);
            assertTrue(crossings.stream().noneMatch(c -> c == null), "a done report without results: " + shown);
            int total = ((Number) report.get("zero_crossings_total")).intValue();
            assertEquals(crossings.stream().mapToInt(c -> ((Number) c).intValue()).sum(), total, shown);
        }
    }

    @Test
    void everyReportReadWhileAnalysesCommitIsOneConsistentState() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("poller");
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        List<String> inconsistent = new CopyOnWriteArrayList<>();
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(() -> {
                int reads = 0;
                for (int n = 0; n < 15; n++) {
                    String id = TestEcgs.submit(user, recording(3 + client));
                    ids.add(id);
                    for (int poll = 0; poll < 200; poll++) {
                        Response report = user.request().get("/v1/ecgs/" + id);
                        Response page = user.request().get("/v1/ecgs?size=20");
                        reads += 21;
                        Map<String, Object> ecg = report.as(Map.class);
                        try {
                            assertConsistent(ecg);
                            for (Object item : (List<?>) page.as(Map.class).get("items")) {
                                assertConsistent((Map<?, ?>) item);
                            }
                        } catch (AssertionError e) {
                            inconsistent.add(e.getMessage());
                        }
                        if (!"pending".equals(ecg.get("status"))) {
                            break;
                        }
                    }
                }
                return reads;
            });
        }
        int reads = inParallel(clients).stream().mapToInt(Integer::intValue).sum();

        assertTrue(inconsistent.isEmpty(), inconsistent.size() + " of " + reads + " reads mixed two states, e.g. "
                + (inconsistent.isEmpty() ? "" : inconsistent.get(0)));
        assertEquals(ids.size(), (Integer) user.request().get("/v1/ecgs").path("total_items"));
    }

    @Test
    void replacementsRacingTheirAnalysisEndAnalysedWithTheLastRecording() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("replacer");
        List<Callable<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(() -> {
                List<String> mine = new ArrayList<>();
                for (int n = 0; n < 6; n++) {
                    String id = TestEcgs.submit(user, recording(1));
                    for (int put = 2; put <= 3; put++) {
                        user.request().contentType(ContentType.JSON).body(recording(put)).put("/v1/ecgs/" + id)
                                .then().statusCode(202);
                    }
                    mine.add(id);
                }
                return mine;
            });
        }
        List<String> ids = inParallel(clients).stream().flatMap(List::stream).toList();

        for (String id : ids) {
            Response report = awaitSettled(user, id, Duration.ofSeconds(30));
            assertEquals(3, (Integer) report.path("zero_crossings_total"), "the last PUT's recording: " + report.asString());
            assertEquals(List.of(4), report.path("leads.number_of_samples"));
        }
    }

    @Test
    void parallelReplacementsOfOneEcgAreSerialisedAndTheLastOneWins() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("crowd");
        for (int round = 0; round < 5; round++) {
            String id = TestEcgs.submit(user, recording(1));
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int crossings = 10 + c;
                writers.add(() -> user.request().contentType(ContentType.JSON).body(recording(crossings))
                        .put("/v1/ecgs/" + id).statusCode());
            }
            assertEquals(Collections.nCopies(CLIENTS, 202), inParallel(writers));

            Response report = awaitSettled(user, id, Duration.ofSeconds(30));
            int total = report.path("zero_crossings_total");
            assertTrue(total >= 10 && total < 10 + CLIENTS, "one of the bodies: " + report.asString());
            assertEquals(List.of(total + 1), report.path("leads.number_of_samples"), "its leads, not another's");
        }
    }

    @Test
    void sequentialReplacementsOfAnEcgUnderAnalysisNeverFail() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("sequential");
        String id = TestEcgs.submit(user, recording(1));
        for (int put = 0; put < 100; put++) {
            Response response = user.request().contentType(ContentType.JSON).body(recording(2 + put % 5))
                    .put("/v1/ecgs/" + id);
            assertEquals(202, response.statusCode(), response.asString());
        }
        assertEquals(2 + 99 % 5, (Integer) awaitSettled(user, id, Duration.ofSeconds(30)).path("zero_crossings_total"));
    }

    @Test
    void replacementsRacingTheDeletionOfTheEcgGetAConsistentAnswer() throws Exception {
        TestAccounts.User user = TestAccounts.newUser("deleter");
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 6; round++) {
            String id = TestEcgs.submit(user, recording(1));
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int c = 0; c < CLIENTS - 1; c++) {
                racers.add(() -> user.request().contentType(ContentType.JSON).body(recording(2))
                        .put("/v1/ecgs/" + id).statusCode());
            }
            racers.add(() -> user.request().delete("/v1/ecgs/" + id).statusCode());
            List<Integer> statuses = inParallel(racers);
            seen.addAll(statuses);
            assertTrue(Set.of(202, 204, 404).containsAll(statuses), "statuses " + statuses);
            assertEquals(204, statuses.get(CLIENTS - 1), "the deletion goes through");
            user.request().get("/v1/ecgs/" + id).then().statusCode(404);
        }
    }

    @Test
    void writesRacingTheDeletionOfTheAccountGetAConsistentAnswer() throws Exception {
        for (int round = 0; round < 4; round++) {
            TestAccounts.User user = TestAccounts.newUser("leaving");
            String id = TestEcgs.submit(user, recording(1));
            List<Callable<Response>> racers = new ArrayList<>();
            for (int c = 0; c < CLIENTS - 1; c++) {
                boolean replace = c % 2 == 0;
                racers.add(() -> replace
                        ? user.request().contentType(ContentType.JSON).body(recording(2)).put("/v1/ecgs/" + id)
                        : user.request().contentType(ContentType.JSON).body(recording(2)).post("/v1/ecgs"));
            }
            racers.add(() -> asAdmin().delete("/v1/admin/users/" + user.id()));
            List<Response> answers = inParallel(racers);

            assertEquals(204, answers.get(CLIENTS - 1).statusCode());
            for (Response answer : answers.subList(0, CLIENTS - 1)) {
                int status = answer.statusCode();
                assertTrue(Set.of(202, 401, 404, 409).contains(status), status + " " + answer.asString());
                if (status == 409) {
                    assertTrue(!answer.asString().contains("already exists"), "a misleading conflict: " + answer.asString());
                }
            }
            user.request().get("/v1/ecgs").then().statusCode(401);
        }
    }
}
