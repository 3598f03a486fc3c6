package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EcgApiTest {

    @Test
    void submittedEcgIsAcceptedThenAnalysedWithPerLeadCounts() {
        TestAccounts.User alice = TestAccounts.newUser("alice");
        Response accepted = alice.request().contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs");
        accepted.then().statusCode(202).body("status", equalTo("pending")).body("id", notNullValue());
        String id = accepted.path("id");
        accepted.then().header("Location", endsWith("/v1/ecgs/" + id));

        TestEcgs.awaitFinished(alice, id)
                .body("status", equalTo("done"))
                .body("id", equalTo(id))
                .body("sampling_rate_hz", equalTo(360))
                .body("submitted_at", notNullValue())
                .body("analysed_at", notNullValue())
                .body("leads.name", contains("II"))
                .body("leads.number_of_samples", contains(5))
                .body("leads.zero_crossings", contains(2))
                .body("zero_crossings_total", equalTo(2));
    }

    @Test
    void countsAreComputedPerLeadAndTotalled() {
        TestAccounts.User user = TestAccounts.newUser("leads");
        String id = TestEcgs.submit(user, TestEcgs.twoLeads(new int[] {5, 0, -4, 23, -9}, new int[] {-1, 0, 45}));
        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("date", equalTo("2026-11-20T08:30:00Z"))
                .body("leads.name", contains("I", "V1"))
                .body("leads.zero_crossings", contains(2, 0))
                .body("zero_crossings_total", equalTo(2));
    }

    @Test
    void clientChosenIdIsKeptAndReusingItIsConflict() {
        TestAccounts.User user = TestAccounts.newUser("ids");
        String id = UUID.randomUUID().toString();
        Map<String, Object> body = new java.util.HashMap<>(TestEcgs.example());
        body.put("id", id);
        assertSubmittedAs(user, body, id);
        user.request().contentType(ContentType.JSON).body(body).post("/v1/ecgs")
                .then().statusCode(409).contentType("application/problem+json");
    }

    private static void assertSubmittedAs(TestAccounts.User user, Object body, String id) {
        user.request().contentType(ContentType.JSON).body(body).post("/v1/ecgs")
                .then().statusCode(202).body("id", equalTo(id));
    }

    @Test
    void pendingEcgHasNullCounts() {
        // A large recording stays pending long enough to observe; whatever the timing, counts are null or complete.
        TestAccounts.User user = TestAccounts.newUser("pending");
        String id = TestEcgs.submit(user, TestEcgs.example());
        var report = user.request().get("/v1/ecgs/" + id).then().statusCode(200).extract();
        if ("pending".equals(report.path("status"))) {
            org.junit.jupiter.api.Assertions.assertNull(report.path("zero_crossings_total"));
            org.junit.jupiter.api.Assertions.assertNull(report.path("analysed_at"));
            org.junit.jupiter.api.Assertions.assertNull(report.path("leads[0].zero_crossings"));
        } else {
            org.junit.jupiter.api.Assertions.assertEquals(2, (Integer) report.path("zero_crossings_total"));
        }
    }

    @Test
    void userCannotSeeChangeOrDeleteAnotherUsersEcg() {
        TestAccounts.User alice = TestAccounts.newUser("alice");
        TestAccounts.User bob = TestAccounts.newUser("bob");
        String id = TestEcgs.submit(alice, TestEcgs.example());

        bob.request().get("/v1/ecgs/" + id).then().statusCode(404).contentType("application/problem+json");
        bob.request().contentType(ContentType.JSON).body(TestEcgs.example()).put("/v1/ecgs/" + id).then().statusCode(404);
        bob.request().delete("/v1/ecgs/" + id).then().statusCode(404);
        bob.request().get("/v1/ecgs").then().statusCode(200).body("total_items", equalTo(0));

        TestEcgs.awaitFinished(alice, id).body("status", equalTo("done"));
    }

    @Test
    void unknownEcgLooksExactlyLikeSomeoneElses() {
        TestAccounts.User alice = TestAccounts.newUser("alice");
        TestAccounts.User bob = TestAccounts.newUser("bob");
        String id = TestEcgs.submit(alice, TestEcgs.example());
        String other = bob.request().get("/v1/ecgs/" + id).then().statusCode(404).extract().path("detail");
        String unknown = bob.request().get("/v1/ecgs/" + UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(other.replace(id, "X"), unknown.replaceAll("[0-9a-f-]{36}", "X"));
    }

    @Test
    void adminGets403OnEcgEndpoints() {
        asAdmin().get("/v1/ecgs").then().statusCode(403).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs").then().statusCode(403);
    }

    @Test
    void anonymousGets401OnEcgEndpoints() {
        given().get("/v1/ecgs").then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/ecgs/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs").then().statusCode(401);
        given().delete("/v1/ecgs/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void listIsNewestFirstWithPagingAndWithoutSignals() {
        TestAccounts.User user = TestAccounts.newUser("lister");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(TestEcgs.submit(user, TestEcgs.example()));
        }
        user.request().queryParam("page", 0).queryParam("size", 2).get("/v1/ecgs")
                .then().statusCode(200)
                .body("items.id", contains(ids.get(4), ids.get(3)))
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("total_items", equalTo(5)).body("total_pages", equalTo(3))
                .body("items[0].leads[0]", not(hasKey("signal")))
                .body("items[0].leads[0].number_of_samples", equalTo(5));
        user.request().queryParam("page", 2).queryParam("size", 2).get("/v1/ecgs")
                .then().body("items.id", contains(ids.get(0)));
        user.request().get("/v1/ecgs").then().body("size", equalTo(20)).body("items.size()", equalTo(5));
    }

    @Test
    void invalidPagingIs422() {
        TestAccounts.User user = TestAccounts.newUser("paging");
        user.request().queryParam("page", -1).get("/v1/ecgs").then().statusCode(422).body("errors[0].field", equalTo("page"));
        user.request().queryParam("size", 0).get("/v1/ecgs").then().statusCode(422).body("errors[0].field", equalTo("size"));
        user.request().queryParam("size", 101).get("/v1/ecgs").then().statusCode(422);
        user.request().queryParam("size", "ten").get("/v1/ecgs").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void putReplacesRecordingAndAnalysesAgain() {
        TestAccounts.User user = TestAccounts.newUser("putter");
        String id = TestEcgs.submit(user, TestEcgs.example());
        TestEcgs.awaitFinished(user, id).body("zero_crossings_total", equalTo(2));

        user.request().contentType(ContentType.JSON)
                .body(TestEcgs.twoLeads(new int[] {1, -1, 1, -1}, new int[] {3, 3}))
                .put("/v1/ecgs/" + id)
                .then().statusCode(202).body("id", equalTo(id)).body("status", equalTo("pending"));

        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("sampling_rate_hz", equalTo(500))
                .body("leads.name", contains("I", "V1"))
                .body("leads.zero_crossings", contains(3, 0))
                .body("zero_crossings_total", equalTo(3));
    }

    @Test
    void putOfInvalidRecordingKeepsTheStoredOne() {
        TestAccounts.User user = TestAccounts.newUser("putbad");
        String id = TestEcgs.submit(user, TestEcgs.example());
        TestEcgs.awaitFinished(user, id);
        user.request().contentType(ContentType.JSON).body(Map.of("leads", List.of()))
                .put("/v1/ecgs/" + id).then().statusCode(422);
        user.request().get("/v1/ecgs/" + id).then().body("status", equalTo("done"))
                .body("zero_crossings_total", equalTo(2));
    }

    @Test
    void deleteRemovesTheEcg() {
        TestAccounts.User user = TestAccounts.newUser("deleter");
        String id = TestEcgs.submit(user, TestEcgs.example());
        user.request().delete("/v1/ecgs/" + id).then().statusCode(204);
        user.request().get("/v1/ecgs/" + id).then().statusCode(404);
        user.request().delete("/v1/ecgs/" + id).then().statusCode(404);
    }

    @Test
    void dateIsOptionalAndReturnedAsNull() {
        TestAccounts.User user = TestAccounts.newUser("nodate");
        String id = TestEcgs.submit(user, Map.of("leads", List.of(Map.of("name", "MLII", "signal", List.of(1, 2)))));
        TestEcgs.awaitFinished(user, id).body("date", nullValue()).body("sampling_rate_hz", nullValue());
    }

    @Test
    void longRecordingRoundTripsWithExactCount() {
        TestAccounts.User user = TestAccounts.newUser("long");
        int n = 360 * 60 * 5; // five minutes at 360 Hz
        int[] first = new int[n];
        int[] second = new int[n];
        int expected = 0;
        for (int i = 0; i < n; i++) {
            first[i] = (int) Math.round(1000 * Math.sin(2 * Math.PI * 1.2 * i / 360.0 + 0.3)) + (i % 7) - 3;
            second[i] = Integer.MIN_VALUE + i; // stays negative: no crossings, extreme values survive storage
            if (i > 0 && (long) first[i - 1] * first[i] < 0) {
                expected++;
            }
        }
        String id = TestEcgs.submit(user, TestEcgs.twoLeads(first, second));
        TestEcgs.awaitFinished(user, id)
                .body("leads.number_of_samples", contains(n, n))
                .body("leads.zero_crossings", contains(expected, 0));
    }
}
