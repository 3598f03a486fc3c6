package adapters.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import usecase.heartrate.PurgeOldReadings;

@QuarkusTest
class HeartRateApiTest {

    @Inject
    PurgeOldReadings purge;

    private static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    private static String iso(Instant instant) {
        return instant.toString();
    }

    private static ValidatableResponse post(TestAccounts.User user, Object body) {
        return user.request().contentType(ContentType.JSON).body(body).post("/v1/heart-rate/readings").then();
    }

    private static List<Map<String, Object>> series(int stepSeconds, int... bpm) {
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < bpm.length; i++) {
            readings.add(Map.of("bpm", bpm[i], "timestamp", iso(T0.plusSeconds((long) i * stepSeconds))));
        }
        return readings;
    }

    @Test
    void eachReadingOfABatchGetsItsVerdictInOrder() {
        TestAccounts.User user = TestAccounts.newUser("hr-batch");
        post(user, List.of(Map.of("bpm", 72), Map.of("bpm", 48), Map.of("bpm", 35), Map.of("bpm", 155),
                Map.of("bpm", 190), Map.of("bpm", "fast"), Map.of("bpm", 78, "device", "strap")))
                .statusCode(200)
                .body("status", contains("accepted", "accepted", "rejected", "accepted", "rejected", "rejected", "accepted"))
                .body("alert", contains(null, "LOW", null, "HIGH", null, null, null))
                .body("[2].message", equalTo("Heart rate out of typical range for an adult"))
                .body("[5].message", containsString("whole number"));
        user.request().get("/v1/heart-rate/readings").then().statusCode(200)
                .body("total_items", equalTo(4)).body("items.bpm", contains(72, 48, 155, 78))
                .body("items.alert", contains(null, "LOW", "HIGH", null))
                .body("items[3].device", equalTo("strap"));
    }

    @Test
    void aSingleReadingGetsASingleVerdict() {
        TestAccounts.User user = TestAccounts.newUser("hr-one");
        post(user, Map.of("bpm", 40, "timestamp", T0.getEpochSecond())).statusCode(200)
                .body("status", equalTo("accepted")).body("alert", equalTo("LOW"));
        post(user, Map.of("bpm", 181)).statusCode(200).body("status", equalTo("rejected"));
        post(user, Map.of("bpm", 70, "timestamp", iso(Instant.now().plus(Duration.ofMinutes(6))))).statusCode(200)
                .body("status", equalTo("rejected")).body("message", containsString("future"));
        post(user, Map.of("bpm", 70, "device", "d".repeat(65))).statusCode(200).body("status", equalTo("rejected"));
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(40))
                .body("items[0].timestamp", equalTo(iso(T0)));
    }

    @Test
    void badBodiesAreProblemsAndStoreNothing() {
        TestAccounts.User user = TestAccounts.newUser("hr-bad");
        user.request().contentType(ContentType.JSON).body("{\"bpm\": ").post("/v1/heart-rate/readings").then()
                .statusCode(400).contentType("application/problem+json");
        user.request().contentType(ContentType.JSON).body("72").post("/v1/heart-rate/readings").then()
                .statusCode(422).contentType("application/problem+json");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(Map.of("bpm", 70));
        }
        post(user, tooMany).statusCode(422).body("errors[0].message", containsString("10000"));
        user.request().get("/v1/heart-rate/readings").then().body("total_items", equalTo(0));
    }

    @Test
    void readingsAreListedInTimeOrderWithinTheRequestedPeriod() {
        TestAccounts.User user = TestAccounts.newUser("hr-list");
        post(user, List.of(Map.of("bpm", 90, "timestamp", iso(T0.plusSeconds(20))), Map.of("bpm", 70, "timestamp", iso(T0)),
                Map.of("bpm", 80, "timestamp", iso(T0.plusSeconds(10))))).statusCode(200);
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(70, 80, 90));
        user.request().queryParam("from", iso(T0.plusSeconds(10))).queryParam("to", T0.plusSeconds(20).getEpochSecond())
                .get("/v1/heart-rate/readings").then().body("items.bpm", contains(80));
        user.request().queryParam("size", 2).queryParam("page", 1).get("/v1/heart-rate/readings").then()
                .body("items.bpm", contains(90)).body("total_pages", equalTo(2));
        user.request().queryParam("from", "yesterday").get("/v1/heart-rate/readings").then().statusCode(422);
    }

    @Test
    void statusReportsTheWorstAlertAndStatisticsOfTheWindow() {
        TestAccounts.User user = TestAccounts.newUser("hr-status");
        user.request().get("/v1/heart-rate/status").then().statusCode(200).body("alert_active", equalTo(false))
                .body("alert_type", nullValue()).body("stats.count", equalTo(0)).body("recent", hasSize(0));
        post(user, List.of(Map.of("bpm", 45), Map.of("bpm", 60), Map.of("bpm", 160))).statusCode(200);
        user.request().get("/v1/heart-rate/status").then().statusCode(200)
                .body("alert_active", equalTo(true)).body("alert_type", equalTo("HIGH"))
                .body("stats.count", equalTo(3)).body("stats.min", equalTo(45)).body("stats.max", equalTo(160))
                .body("stats.avg", equalTo(88.3f)).body("recent", hasSize(3));
        user.request().queryParam("recent", 1).get("/v1/heart-rate/status").then().body("recent", hasSize(1));
        // readings older than the window are outside it
        post(user, Map.of("bpm", 100, "timestamp", iso(Instant.now().minus(Duration.ofMinutes(30))))).statusCode(200);
        user.request().queryParam("window", "PT10M").get("/v1/heart-rate/status").then().body("stats.count", equalTo(3));
        user.request().queryParam("window", "PT1H").get("/v1/heart-rate/status").then().body("stats.count", equalTo(4));
        user.request().queryParam("window", "ten minutes").get("/v1/heart-rate/status").then().statusCode(422);
        user.request().queryParam("recent", 0).get("/v1/heart-rate/status").then().statusCode(422);
    }

    @Test
    void statusOfLowAndNormalReadingsIsLow() {
        TestAccounts.User user = TestAccounts.newUser("hr-low");
        post(user, List.of(Map.of("bpm", 45), Map.of("bpm", 60))).statusCode(200);
        user.request().get("/v1/heart-rate/status").then().body("alert_type", equalTo("LOW"));
    }

    @Test
    void zonesOfTheIssueExampleOverInlineAndStoredReadings() {
        TestAccounts.User user = TestAccounts.newUser("hr-zones");
        List<Map<String, Object>> readings = series(5, 90, 100, 120, 130, 140, 160);
        user.request().contentType(ContentType.JSON)
                .body(Map.of("age", 30, "method", "percent_max", "max_formula", "fox", "readings", readings))
                .post("/v1/heart-rate/zones").then().statusCode(200)
                .body("zones.seconds", contains(10.0f, 5.0f, 10.0f, 0.0f, 0.0f))
                .body("total_seconds", equalTo(25.0f)).body("average_bpm", equalTo(123.3f))
                .body("below_zone_seconds", equalTo(0.0f)).body("max_bpm", equalTo(190.0f));
        post(user, readings).statusCode(200);
        user.request().contentType(ContentType.JSON)
                .body(Map.of("age", 30, "from", iso(T0), "to", iso(T0.plusSeconds(60))))
                .post("/v1/heart-rate/zones").then().statusCode(200)
                .body("zones.seconds", contains(10.0f, 5.0f, 10.0f, 0.0f, 0.0f)).body("readings", equalTo(6));
    }

    @Test
    void aHundredReadingsAreCountedWithoutACap() {
        TestAccounts.User user = TestAccounts.newUser("hr-cap");
        int[] bpm = new int[100];
        java.util.Arrays.fill(bpm, 120);
        user.request().contentType(ContentType.JSON).body(Map.of("age", 30, "readings", series(5, bpm)))
                .post("/v1/heart-rate/zones").then().statusCode(200)
                .body("zones[1].seconds", equalTo(495.0f)).body("total_seconds", equalTo(495.0f));
    }

    @Test
    void zonesRefuseWhatCannotBeComputed() {
        TestAccounts.User user = TestAccounts.newUser("hr-zone-bad");
        List<Map<String, Object>> two = series(5, 120, 130);
        zones(user, Map.of("age", 0, "readings", two)).statusCode(422).body("errors[0].field", equalTo("age"));
        zones(user, Map.of("age", 121, "readings", two)).statusCode(422);
        zones(user, Map.of("age", 30, "method", "karvonen", "readings", two)).statusCode(422)
                .body("errors[0].field", equalTo("resting_bpm"));
        zones(user, Map.of("age", 30, "method", "karvonen", "resting_bpm", 200, "readings", two)).statusCode(422);
        zones(user, Map.of("age", 30, "method", "zone2", "readings", two)).statusCode(422);
        zones(user, Map.of("age", 30, "readings", series(5, 120))).statusCode(422)
                .body("errors[0].message", containsString("at least 2 readings"));
        zones(user, Map.of("age", 30)).statusCode(422); // no stored readings in the last day
        zones(user, Map.of("age", 30, "method", "karvonen", "resting_bpm", 60, "max_formula", "tanaka", "readings", two))
                .statusCode(200).body("method", equalTo("karvonen")).body("max_bpm", equalTo(187.0f));
    }

    private static ValidatableResponse zones(TestAccounts.User user, Map<String, Object> body) {
        return user.request().contentType(ContentType.JSON).body(body).post("/v1/heart-rate/zones").then();
    }

    @Test
    void csvImportReportsMissingSpikeAndDipAndNothingForThirty() {
        TestAccounts.User user = TestAccounts.newUser("hr-csv");
        String csv = "timestamp,bpm\n"
                + iso(T0) + ",70\n"
                + iso(T0.plusSeconds(1)) + ",\n"        // missing
                + iso(T0.plusSeconds(2)) + ",101\n"     // +31 from 70: spike
                + iso(T0.plusSeconds(3)) + ",70\n"      // -31: dip
                + iso(T0.plusSeconds(4)) + ",100\n"     // +30: nothing
                + iso(T0.plusSeconds(5)) + ",70\n"      // -30: nothing
                + T0.plusSeconds(6).getEpochSecond() + ",200\n"; // refused
        user.request().contentType("text/csv").body(csv).post("/v1/heart-rate/import").then().statusCode(200)
                .body("accepted", equalTo(5)).body("rejected", equalTo(1)).body("missing", equalTo(1))
                .body("anomalies.type", contains("missing", "spike", "dip"))
                .body("anomalies.row", contains(2, 3, 4))
                .body("anomalies.time", contains(iso(T0.plusSeconds(1)), iso(T0.plusSeconds(2)), iso(T0.plusSeconds(3))))
                .body("rejections[0].line", equalTo(8));
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(70, 101, 70, 100, 70));
    }

    @Test
    void csvImportTakesSecondsWithAStartAndMultipartUploads() {
        TestAccounts.User user = TestAccounts.newUser("hr-csv2");
        user.request().contentType("text/csv").queryParam("start", iso(T0)).body("seconds,bpm\n0,70\n1,71\n")
                .post("/v1/heart-rate/import").then().statusCode(200).body("accepted", equalTo(2));
        user.request().multiPart("file", "hr.csv", ("timestamp,bpm\n" + iso(T0.plusSeconds(2)) + ",72\n").getBytes(), "text/csv")
                .post("/v1/heart-rate/import").then().statusCode(200).body("accepted", equalTo(1));
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(70, 71, 72))
                .body("items[1].timestamp", equalTo(iso(T0.plusSeconds(1))));
    }

    @Test
    void aFileThatIsNotACsvOfReadingsIsRefusedWithItsLineAndStoresNothing() {
        TestAccounts.User user = TestAccounts.newUser("hr-csv-bad");
        user.request().contentType("text/csv").body("timestamp,bpm\n" + iso(T0) + ",70\n" + iso(T0) + ",abc\n")
                .post("/v1/heart-rate/import").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].message", containsString("line 3"));
        user.request().contentType("text/csv").body("seconds,bpm\n0,70\n").post("/v1/heart-rate/import").then()
                .statusCode(422).body("errors[0].field", equalTo("start"));
        user.request().contentType("text/csv").body("\u0000\u0001binary").post("/v1/heart-rate/import").then()
                .statusCode(422);
        user.request().multiPart("other", "x.csv", "timestamp,bpm\n".getBytes(), "text/csv")
                .post("/v1/heart-rate/import").then().statusCode(422);
        user.request().get("/v1/heart-rate/readings").then().body("total_items", equalTo(0));
    }

    @Test
    void seriesIsOneValuePerSecondFilledForwardOrNull() {
        TestAccounts.User user = TestAccounts.newUser("hr-series");
        post(user, List.of(Map.of("bpm", 70, "timestamp", iso(T0.plusSeconds(1))),
                Map.of("bpm", 75, "timestamp", iso(T0.plusSeconds(4))))).statusCode(200);
        user.request().queryParam("from", iso(T0)).queryParam("to", iso(T0.plusSeconds(6)))
                .get("/v1/heart-rate/series").then().statusCode(200)
                .body("start", equalTo(iso(T0))).body("step_seconds", equalTo(1))
                .body("bpm", contains(null, 70, 70, 70, 75, 75));
        user.request().queryParam("from", iso(T0)).queryParam("to", iso(T0.plusSeconds(6))).queryParam("fill", "none")
                .get("/v1/heart-rate/series").then().body("bpm", contains(null, 70, null, null, 75, null));
        user.request().queryParam("from", iso(T0)).queryParam("to", iso(T0.plus(Duration.ofDays(2))))
                .get("/v1/heart-rate/series").then().statusCode(422);
        user.request().queryParam("from", iso(T0)).get("/v1/heart-rate/series").then().statusCode(422);
        user.request().queryParam("from", iso(T0)).queryParam("to", iso(T0.plusSeconds(6))).queryParam("fill", "back")
                .get("/v1/heart-rate/series").then().statusCode(422);
    }

    @Test
    void settingsChangeTheAlertsOfLaterReadings() {
        TestAccounts.User user = TestAccounts.newUser("hr-settings");
        user.request().get("/v1/heart-rate/settings").then().statusCode(200)
                .body("low_alert_below_bpm", equalTo(50)).body("high_alert_above_bpm", equalTo(150));
        user.request().contentType(ContentType.JSON).body(Map.of("low_alert_below_bpm", 60, "high_alert_above_bpm", 100))
                .put("/v1/heart-rate/settings").then().statusCode(200).body("low_alert_below_bpm", equalTo(60));
        post(user, List.of(Map.of("bpm", 55), Map.of("bpm", 101), Map.of("bpm", 80))).statusCode(200)
                .body("alert", contains("LOW", "HIGH", null));
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("low_alert_below_bpm", 39, "high_alert_above_bpm", 100),
                Map.<String, Object>of("low_alert_below_bpm", 100, "high_alert_above_bpm", 100),
                Map.<String, Object>of("low_alert_below_bpm", 50, "high_alert_above_bpm", 181),
                Map.<String, Object>of("low_alert_below_bpm", 50))) {
            user.request().contentType(ContentType.JSON).body(bad).put("/v1/heart-rate/settings").then().statusCode(422)
                    .contentType("application/problem+json");
        }
        user.request().get("/v1/heart-rate/settings").then().body("low_alert_below_bpm", equalTo(60))
                .body("high_alert_above_bpm", equalTo(100));
    }

    @Test
    void usersSeeOnlyTheirOwnReadingsAndSettings() {
        TestAccounts.User alice = TestAccounts.newUser("hr-alice");
        TestAccounts.User bob = TestAccounts.newUser("hr-bob");
        post(alice, Map.of("bpm", 170)).statusCode(200);
        alice.request().contentType(ContentType.JSON).body(Map.of("low_alert_below_bpm", 45, "high_alert_above_bpm", 160))
                .put("/v1/heart-rate/settings").then().statusCode(200);
        bob.request().get("/v1/heart-rate/readings").then().body("total_items", equalTo(0));
        bob.request().get("/v1/heart-rate/status").then().body("stats.count", equalTo(0)).body("alert_active", equalTo(false));
        bob.request().get("/v1/heart-rate/settings").then().body("low_alert_below_bpm", equalTo(50));
        alice.request().get("/v1/heart-rate/readings").then().body("total_items", equalTo(1));
    }

    @Test
    void theAdminGets403AndAnonymousCallers401() {
        for (String path : List.of("/v1/heart-rate/readings", "/v1/heart-rate/status", "/v1/heart-rate/settings")) {
            TestAccounts.asAdmin().get(path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("bpm", 70)).post("/v1/heart-rate/readings")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("bpm", 70)).post("/v1/heart-rate/readings").then().statusCode(401);
        TestAccounts.asAdmin().contentType("text/csv").body("timestamp,bpm\n").post("/v1/heart-rate/import").then()
                .statusCode(403);
    }

    @Test
    void readingsPastTheRetentionPeriodArePurged() {
        TestAccounts.User user = TestAccounts.newUser("hr-retention");
        Instant now = Instant.now();
        post(user, List.of(Map.of("bpm", 70, "timestamp", iso(now.minus(Duration.ofDays(400)))),
                Map.of("bpm", 71, "timestamp", iso(now.minus(Duration.ofDays(366)))),
                Map.of("bpm", 72, "timestamp", iso(now.minus(Duration.ofDays(364)))))).statusCode(200);
        purge.execute();
        user.request().get("/v1/heart-rate/readings").then().body("items.bpm", contains(72));
        assertEquals(0, purge.execute());
    }

    @Test
    void theOpenApiDocumentDescribesTheHeartRateApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/heart-rate/readings'.post", not(nullValue()))
                .body("paths.'/v1/heart-rate/zones'.post", not(nullValue()));
    }
}
