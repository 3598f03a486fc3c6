package adapters.rest;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** ECG bodies and polling for API tests. */
final class TestEcgs {

    private TestEcgs() {
    }

    /** The README's example: one lead, 2 zero crossings. */
    static Map<String, Object> example() {
        return Map.of("sampling_rate_hz", 360,
                "leads", List.of(Map.of("name", "II", "number_of_samples", 5, "signal", List.of(1, -3, 5, 0, -2))));
    }

    static Map<String, Object> twoLeads(int[] first, int[] second) {
        return Map.of("sampling_rate_hz", 500, "date", "2026-11-20T08:30:00Z",
                "leads", List.of(Map.of("name", "I", "signal", first), Map.of("name", "V1", "signal", second)));
    }

    static String submit(TestAccounts.User user, Object body) {
        return user.request().contentType(ContentType.JSON).body(body)
                .post("/v1/ecgs")
                .then().statusCode(202).body("status", equalTo("pending"))
                .extract().path("id");
    }

    /** A JSON number (REST Assured reads them as float or double) within {@code tolerance} of {@code expected}. */
    static org.hamcrest.Matcher<Object> near(double expected, double tolerance) {
        return new org.hamcrest.TypeSafeMatcher<>(Number.class) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return Math.abs(((Number) actual).doubleValue() - expected) <= tolerance;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a number within " + tolerance + " of " + expected);
            }
        };
    }

    /** Polls until the analysis has finished, or fails the test after a few seconds. */
    static io.restassured.response.ValidatableResponse awaitFinished(TestAccounts.User user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            var response = user.request().get("/v1/ecgs/" + id).then().statusCode(200);
            String status = response.extract().path("status");
            if (!"pending".equals(status)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ECG " + id + " still pending after 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A user with one analysed ECG, as a witness that a refused request changed nothing: the user still
     * has exactly that ECG, and its report reads exactly as before.
     */
    record Witness(TestAccounts.User user, String id, String report) {

        static Witness create(String prefix) {
            TestAccounts.User user = TestAccounts.newUser(prefix);
            String id = submit(user, example());
            return new Witness(user, id, awaitFinished(user, id).extract().asString());
        }

        void assertUnchanged() {
            user.request().get("/v1/ecgs").then().statusCode(200).body("total_items", equalTo(1))
                    .body("items[0].id", equalTo(id));
            org.junit.jupiter.api.Assertions.assertEquals(report, user.request().get("/v1/ecgs/" + id).then()
                    .extract().asString());
        }
    }
}
