package adapters.rest;

import static adapters.rest.TestEcgs.near;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import domain.analysis.SyntheticEcg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EcgAnalysisApiTest {

    private static Map<String, Object> synthetic(double bpm, double seconds, Integer rate, int ventricularEvery) {
        int r = rate == null ? 360 : rate;
        SyntheticEcg first = SyntheticEcg.of(r, seconds).regular(bpm).noise(30).seed(1);
        SyntheticEcg second = SyntheticEcg.of(r, seconds).regular(bpm).noise(30).seed(2);
        if (ventricularEvery > 0) {
            first.ventricularEvery(ventricularEvery, 0.6);
            second.ventricularEvery(ventricularEvery, 0.6);
        }
        Map<String, Object> leads = Map.of("leads", List.of(
                Map.of("name", "II", "signal", first.samples()), Map.of("name", "V5", "signal", second.samples())));
        if (rate == null) {
            return leads;
        }
        return Map.of("sampling_rate_hz", rate, "leads", leads.get("leads"));
    }

    @Test
    void reportsBeatsHeartRateHrvFindingsAndQualityOfAnEcgAt72Bpm() {
        TestAccounts.User user = TestAccounts.newUser("cardio");
        String id = TestEcgs.submit(user, synthetic(72, 150, 360, 0));

        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("beats.count", equalTo(179))
                .body("beats.href", equalTo("/v1/ecgs/" + id + "/beats"))
                .body("heart_rate.mean_bpm", near(72.0, 1.0))
                .body("heart_rate.min_bpm", near(72.0, 1.0))
                .body("heart_rate.max_bpm", near(72.0, 1.0))
                .body("heart_rate.rr_intervals", equalTo(178))
                .body("hrv.nn_intervals", equalTo(178))
                .body("hrv.mean_nn_ms", near(833.3, 3.0))
                .body("hrv.sdnn_ms", near(0.0, 3.0))
                .body("hrv.lf_ms2", notNullValue())
                .body("hrv.frequency_unavailable_reason", nullValue())
                .body("findings.items", hasSize(0))
                .body("findings.unavailable_reason", nullValue())
                .body("leads.quality.verdict", everyItem(equalTo("good")))
                .body("leads.quality.used_for_beat_detection", everyItem(is(true)))
                .body("zero_crossings_total", notNullValue());
    }

    @Test
    void listsEveryBeatWithTimeRrTypeAndLeads() {
        TestAccounts.User user = TestAccounts.newUser("beats");
        String id = TestEcgs.submit(user, synthetic(66, 20, 500, 4));
        TestEcgs.awaitFinished(user, id).body("status", equalTo("done"));

        var beats = user.request().get("/v1/ecgs/" + id + "/beats").then().statusCode(200)
                .body("status", equalTo("done"))
                .body("sampling_rate_hz", equalTo(500))
                .body("count", equalTo(21))
                .body("beats", hasSize(21))
                .body("beats[0].sample", equalTo(250))
                .body("beats[0].time_s", near(0.5, 0.001))
                .body("beats[0].rr_ms", nullValue())
                .body("beats[1].rr_ms", near(909.1, 3.0))
                .body("beats[0].leads", equalTo(List.of("II", "V5")))
                .extract().jsonPath();
        List<String> types = beats.getList("beats.type");
        for (int i = 0; i < types.size(); i++) {
            assertEquals(i % 4 == 3 ? "V" : "N", types.get(i), "every fourth beat is a premature ventricular one");
        }
        user.request().queryParam("from_s", "5").queryParam("to_s", "10.5").get("/v1/ecgs/" + id + "/beats").then()
                .statusCode(200)
                .body("count", equalTo(21))
                .body("beats", hasSize(7))
                .body("beats[0].rr_ms", near(909.1, 3.0))
                .body("beats.time_s", everyItem(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(5f))
                        .and(org.hamcrest.Matchers.lessThan(10.5f))));
        user.request().queryParam("from_s", "x").get("/v1/ecgs/" + id + "/beats").then().statusCode(422)
                .body("errors[0].field", equalTo("from_s"));
        user.request().queryParam("from_s", "10").queryParam("to_s", "5").get("/v1/ecgs/" + id + "/beats").then()
                .statusCode(422).body("errors[0].field", equalTo("to_s"));
        user.request().get("/v1/ecgs/" + id).then()
                .body("findings.items.kind", everyItem(equalTo("premature_beats")))
                .body("findings.items[0].detail", equalTo("ventricular"));
    }

    @Test
    void reportsVentricularFibrillationAsACriticalFindingWithNoBeatsInside() {
        TestAccounts.User user = TestAccounts.newUser("vf");
        SyntheticEcg first = SyntheticEcg.of(360, 60).regular(75).noise(20).seed(1).fibrillation(20, 32, 5);
        SyntheticEcg second = SyntheticEcg.of(360, 60).regular(75).noise(20).seed(2).fibrillation(20, 32, 5);
        String id = TestEcgs.submit(user, Map.of("sampling_rate_hz", 360, "leads", List.of(
                Map.of("name", "II", "signal", first.samples()), Map.of("name", "V1", "signal", second.samples()))));

        var report = TestEcgs.awaitFinished(user, id).body("status", equalTo("done"))
                .body("heart_rate.mean_bpm", near(75.0, 1.5))
                .extract().jsonPath();
        List<Map<String, Object>> vf = report.getList("findings.items.findAll { it.kind == 'ventricular_flutter_fibrillation' }");
        assertEquals(1, vf.size(), report.prettify());
        assertEquals(true, vf.get(0).get("critical"));
        assertEquals(List.of(), report.getList("findings.items.findAll { it.kind != 'ventricular_flutter_fibrillation' && it.critical }"),
                "only VF is critical");
        float start = ((Number) vf.get(0).get("start_s")).floatValue();
        float end = ((Number) vf.get(0).get("end_s")).floatValue();
        List<Float> times = user.request().get("/v1/ecgs/" + id + "/beats").then().statusCode(200)
                .extract().jsonPath().getList("beats.time_s", Float.class);
        assertEquals(List.of(), times.stream().filter(t -> t >= start && t < end).toList(), "no beat inside " + start + "–" + end);
    }

    @Test
    void classifiesPacedBeatsAsPacedAndReportsAPacedRhythm() {
        TestAccounts.User user = TestAccounts.newUser("paced");
        SyntheticEcg ecg = SyntheticEcg.of(500, 20).regular(70).noise(20).paced(3000, 0.001);
        String id = TestEcgs.submit(user, Map.of("sampling_rate_hz", 500, "leads", List.of(
                Map.of("name", "II", "signal", ecg.samples()))));

        TestEcgs.awaitFinished(user, id).body("status", equalTo("done"))
                .body("beats.count", equalTo(ecg.beatTimes().length))
                .body("findings.items.kind", org.hamcrest.Matchers.hasItem("paced_rhythm"))
                .body("findings.items.kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("premature_beats")));
        List<String> types = user.request().get("/v1/ecgs/" + id + "/beats").then().statusCode(200)
                .extract().jsonPath().getList("beats.type");
        assertEquals(List.of("P"), types.subList(1, types.size() - 1).stream().distinct().toList(), types.toString());
    }

    @Test
    void saysWhyBeatsAreUnavailableWithoutASamplingRate() {
        TestAccounts.User user = TestAccounts.newUser("norate");
        String id = TestEcgs.submit(user, synthetic(70, 10, null, 0));

        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("beats.count", equalTo(0))
                .body("beats.unavailable_reason", containsString("sampling_rate_hz"))
                .body("heart_rate.unavailable_reason", containsString("sampling_rate_hz"))
                .body("heart_rate.mean_bpm", nullValue())
                .body("hrv.unavailable_reason", containsString("sampling_rate_hz"))
                .body("findings.unavailable_reason", containsString("sampling_rate_hz"))
                .body("zero_crossings_total", notNullValue());
        user.request().get("/v1/ecgs/" + id + "/beats").then().statusCode(200)
                .body("unavailable_reason", containsString("sampling_rate_hz"))
                .body("beats", hasSize(0));
    }

    @Test
    void reportsAFlatLeadAndDetectsOnTheOther() {
        TestAccounts.User user = TestAccounts.newUser("flat");
        int[] live = SyntheticEcg.of(360, 20).regular(75).noise(20).samples();
        String id = TestEcgs.submit(user, Map.of("sampling_rate_hz", 360, "leads", List.of(
                Map.of("name", "I", "signal", new int[live.length]), Map.of("name", "II", "signal", live))));

        TestEcgs.awaitFinished(user, id)
                .body("leads[0].quality.verdict", equalTo("flat"))
                .body("leads[0].quality.flat_fraction", equalTo(1.0f))
                .body("leads[0].quality.used_for_beat_detection", is(false))
                .body("leads[1].quality.verdict", equalTo("good"))
                .body("heart_rate.mean_bpm", near(75.0, 1.0));
        user.request().get("/v1/ecgs/" + id + "/beats").then().body("beats[0].leads", equalTo(List.of("II")));
    }

    @Test
    void replacingARecordingReplacesItsAnalysis() {
        TestAccounts.User user = TestAccounts.newUser("redo");
        String id = TestEcgs.submit(user, synthetic(60, 30, 360, 0));
        TestEcgs.awaitFinished(user, id).body("heart_rate.mean_bpm", near(60.0, 1.0));

        user.request().contentType(ContentType.JSON).body(synthetic(100, 30, 360, 0)).put("/v1/ecgs/" + id)
                .then().statusCode(202);

        TestEcgs.awaitFinished(user, id).body("heart_rate.mean_bpm", near(100.0, 1.0));
        user.request().get("/v1/ecgs/" + id + "/beats").then().body("count", equalTo(49));
    }

    @Test
    void beatsOfAnotherUsersEcgAreNotFound() {
        TestAccounts.User owner = TestAccounts.newUser("owner");
        TestAccounts.User other = TestAccounts.newUser("other");
        String id = TestEcgs.submit(owner, synthetic(70, 10, 360, 0));

        other.request().get("/v1/ecgs/" + id + "/beats").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("no ECG with id " + id));
        TestAccounts.asAdmin().get("/v1/ecgs/" + id + "/beats").then().statusCode(403);
    }
}
