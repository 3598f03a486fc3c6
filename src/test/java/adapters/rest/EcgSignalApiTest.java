package adapters.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.analysis.SyntheticEcg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Windows of a lead for charts: decimated min/max without losing a spike, with the beats and findings inside. */
@QuarkusTest
class EcgSignalApiTest {

    private static final int RATE = 360;
    private static TestAccounts.User alice;
    private static String id;
    private static int[] second;

    /** Once for the class, in the first test (Quarkus is up only then). */
    @BeforeEach
    void anAnalysedMinuteOfTwoLeads() {
        if (id != null) {
            return;
        }
        alice = TestAccounts.newUser("signal");
        int[] first = SyntheticEcg.of(RATE, 60).regular(75).samples();
        second = SyntheticEcg.of(RATE, 60).regular(75).amplitude(0.5).seed(9).samples();
        second[RATE * 30 + 7] = 4000; // one sample, at 30.019 s
        id = TestEcgs.submit(alice, Map.of("sampling_rate_hz", RATE,
                "leads", List.of(Map.of("name", "II", "signal", first), Map.of("name", "V5", "signal", second))));
        TestEcgs.awaitFinished(alice, id).body("status", equalTo("done"));
    }

    @Test
    void theWholeLeadIsDecimatedToAtMostMaxPointsKeepingEverySpike() {
        JsonPath window = alice.request().get("/v1/ecgs/" + id + "/signal?lead=V5&max_points=100").then()
                .statusCode(200)
                .body("lead", equalTo("V5")).body("leads", contains("II", "V5"))
                .body("sampling_rate_hz", equalTo(RATE)).body("duration_s", equalTo(60.0f))
                .body("from_s", equalTo(0.0f)).body("to_s", equalTo(60.0f))
                .body("decimated", equalTo(true)).body("unit", equalTo("uV"))
                .body("time_s.size()", lessThanOrEqualTo(100))
                .extract().jsonPath();
        List<Integer> max = window.getList("max_uv", Integer.class);
        List<Integer> min = window.getList("min_uv", Integer.class);
        assertEquals(max.size(), min.size());
        assertEquals(4000, max.stream().mapToInt(Integer::intValue).max().orElseThrow());
        assertEquals(Arrays.stream(second).min().orElseThrow(), min.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertTrue(window.getList("beats").size() >= 70, "about 74 beats in a minute at 75 bpm");
        assertEquals(window.getList("beats").size(), window.getInt("beat_count"));
    }

    @Test
    void beatsAreNotListedWhenThereAreMoreThanBuckets() {
        alice.request().get("/v1/ecgs/" + id + "/signal?max_points=10").then().statusCode(200)
                .body("time_s.size()", lessThanOrEqualTo(10))
                .body("beats", hasSize(0))
                .body("beat_count", greaterThanOrEqualTo(70));
    }

    @Test
    void aShortWindowComesSampleBySampleWithItsBeats() {
        JsonPath window = alice.request().get("/v1/ecgs/" + id + "/signal?from_s=10&to_s=11").then().statusCode(200)
                .body("lead", equalTo("II")) // the first lead by default
                .body("decimated", equalTo(false)).body("bucket_samples", equalTo(1))
                .body("time_s", hasSize(RATE)).body("time_s[0]", equalTo(10.0f))
                .body("beats.time_s", everyItem(greaterThanOrEqualTo(10.0f)))
                .body("beats.time_s", everyItem(lessThan(11.0f)))
                .body("beats.type", everyItem(equalTo("N")))
                .extract().jsonPath();
        assertEquals(window.getList("min_uv"), window.getList("max_uv"));
        assertTrue(window.getList("beats").size() >= 1 && window.getList("beats").size() <= 2);
        // the samples as submitted
        int[] first = SyntheticEcg.of(RATE, 60).regular(75).samples();
        assertEquals(first[RATE * 10 + 5], window.getInt("min_uv[5]"));
    }

    @Test
    void windowsBeyondTheEndAreClippedToIt() {
        alice.request().get("/v1/ecgs/" + id + "/signal?from_s=59.5&to_s=100").then().statusCode(200)
                .body("time_s", hasSize(RATE / 2)).body("to_s", equalTo(100.0f));
    }

    @Test
    void badParametersAre422AndAnotherUsersEcgIs404() {
        alice.request().get("/v1/ecgs/" + id + "/signal?lead=aVF").then().statusCode(422)
                .body("errors[0].field", equalTo("lead")).body("errors[0].message", containsString("II, V5"));
        for (String query : List.of("max_points=5", "max_points=20001", "from_s=-1", "from_s=x", "from_s=5&to_s=4")) {
            alice.request().get("/v1/ecgs/" + id + "/signal?" + query).then().statusCode(422)
                    .contentType("application/problem+json");
        }
        TestAccounts.newUser("signal").request().get("/v1/ecgs/" + id + "/signal").then().statusCode(404);
    }
}
