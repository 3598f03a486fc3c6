package adapters.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event log through the API: each user's own events, numbered 1, 2, 3, ..., written with what they report. */
@QuarkusTest
class EventsApiTest {

    @Test
    void anEcgsLifeIsReportedInOrderSubmittedAnalysedDeleted() {
        TestAccounts.User alice = TestAccounts.newUser("events");
        String id = TestEcgs.submit(alice, TestEcgs.example());
        TestEcgs.awaitFinished(alice, id);
        alice.request().delete("/v1/ecgs/" + id).then().statusCode(204);

        alice.request().get("/v1/events?since=0").then().statusCode(200)
                .body("events.id", contains(1, 2, 3))
                .body("events.type", contains("ecg_submitted", "ecg_analysed", "ecg_deleted"))
                .body("events.ecg_id", contains(id, id, id))
                .body("events[1].status", equalTo("done"))
                .body("events[1].beats", equalTo(0))
                .body("events[1].mean_hr_bpm", nullValue())
                .body("events[1].findings", equalTo(0))
                .body("events[0].at", not(nullValue()))
                .body("last_id", equalTo(3));
        alice.request().get("/v1/events?since=1&limit=1").then().statusCode(200)
                .body("events.id", contains(2)).body("last_id", equalTo(2));
        alice.request().get("/v1/events?since=3").then().statusCode(200)
                .body("events", empty()).body("last_id", equalTo(3));
        alice.request().get("/v1/events/latest").then().statusCode(200).body("last_id", equalTo(3));
    }

    @Test
    void storedReadingsAreReportedWithTheAlertTheyRaised() {
        TestAccounts.User alice = TestAccounts.newUser("events");
        alice.request().contentType(ContentType.JSON).body(List.of(
                        Map.of("bpm", 72, "timestamp", "2026-12-01T08:00:00Z", "device", "strap"),
                        Map.of("bpm", 170, "timestamp", "2026-12-01T08:00:01Z"),
                        Map.of("bpm", 250)))
                .post("/v1/heart-rate/readings").then().statusCode(200);

        alice.request().get("/v1/events").then().statusCode(200)
                .body("events.type", contains("heart_rate_recorded", "heart_rate_alert_raised"))
                .body("events[0].readings.bpm", contains(72, 170)) // the refused reading is no news
                .body("events[0].readings.alert", contains(null, "HIGH"))
                .body("events[0].readings.device", contains("strap", null))
                .body("events[0].readings[0].timestamp", equalTo("2026-12-01T08:00:00Z"))
                .body("events[1].alert", equalTo("HIGH"))
                .body("events[1].bpm", equalTo(170))
                .body("events[1].timestamp", equalTo("2026-12-01T08:00:01Z"));
    }

    @Test
    void nobodySeesAnotherUsersEventsAndTheAdminSeesNoHealthData() {
        TestAccounts.User alice = TestAccounts.newUser("events");
        TestAccounts.User bob = TestAccounts.newUser("events");
        TestEcgs.submit(alice, TestEcgs.example());
        alice.request().contentType(ContentType.JSON).body(Map.of("bpm", 80)).post("/v1/heart-rate/readings")
                .then().statusCode(200);

        alice.request().get("/v1/events").then().body("events.type", hasItems("ecg_submitted", "heart_rate_recorded"));
        bob.request().get("/v1/events").then().statusCode(200).body("events", empty()).body("last_id", equalTo(0));
        bob.request().get("/v1/events/latest").then().body("last_id", equalTo(0));
        TestAccounts.asAdmin().get("/v1/events").then().statusCode(200).body("events", empty());
    }

    @Test
    void aRefusedChangeIsNoNews() {
        TestAccounts.User alice = TestAccounts.newUser("events");
        alice.request().contentType(ContentType.JSON).body(Map.of("leads", List.of())).post("/v1/ecgs")
                .then().statusCode(422);
        alice.request().delete("/v1/ecgs/" + java.util.UUID.randomUUID()).then().statusCode(404);
        alice.request().get("/v1/events").then().body("events", empty());
    }

    @Test
    void badParametersAre422ProblemsNamingThem() {
        TestAccounts.User alice = TestAccounts.newUser("events");
        for (String query : List.of("since=-1", "since=abc", "limit=0", "limit=1001", "limit=x")) {
            alice.request().get("/v1/events?" + query).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))))
                    .body("detail", not(containsString("Exception")));
        }
    }

    @Test
    void eventsNeedCredentials() {
        io.restassured.RestAssured.given().get("/v1/events").then().statusCode(401);
    }
}
