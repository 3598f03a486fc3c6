package adapters.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input gets its own 4xx problem, and none of them touches what is stored. */
@QuarkusTest
class EcgValidationApiTest {

    private TestEcgs.Witness stored;
    private TestAccounts.User alice;
    private String storedId;

    @BeforeEach
    void storeOneEcg() {
        stored = TestEcgs.Witness.create("alice");
        alice = stored.user();
        storedId = stored.id();
    }

    private ValidatableResponse post(String json) {
        ValidatableResponse response = alice.request().contentType(ContentType.JSON).body(json).post("/v1/ecgs").then()
                .contentType("application/problem+json")
                .body("status", notNullValue())
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString(".java")))
                .body(not(containsString("jackson")));
        assertStoredUnchanged();
        return response;
    }

    private void assertStoredUnchanged() {
        stored.assertUnchanged();
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(422).body("errors.field", hasItem(field));
    }

    @Test
    void malformedJsonIs400() {
        post("{\"leads\": [").statusCode(400).body("detail", containsString("not valid JSON"));
        post("{\"leads\":[{\"name\":\"II\",\"signal\":[1]}]} trailing").statusCode(400);
        post("[]").statusCode(400);
    }

    @Test
    void emptyBodyIs400() {
        post("").statusCode(400);
    }

    @Test
    void noLeadsIs422() {
        invalid(post("{\"leads\": []}"), "leads");
        invalid(post("{\"sampling_rate_hz\": 360}"), "leads");
    }

    @Test
    void duplicateLeadNamesAre422() {
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[1]},{\"name\":\"II\",\"signal\":[2]}]}"), "leads[1].name");
    }

    @Test
    void badLeadNamesAre422() {
        invalid(post("{\"leads\":[{\"name\":\"\",\"signal\":[1]}]}"), "leads[0].name");
        invalid(post("{\"leads\":[{\"name\":\"V 1\",\"signal\":[1]}]}"), "leads[0].name");
        invalid(post("{\"leads\":[{\"name\":\"ABCDEFGHIJKLMNOPQ\",\"signal\":[1]}]}"), "leads[0].name");
        invalid(post("{\"leads\":[{\"signal\":[1]}]}"), "leads[0].name");
    }

    @Test
    void emptyOrMissingSignalIs422() {
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[]}]}"), "leads[0].signal");
        invalid(post("{\"leads\":[{\"name\":\"II\"}]}"), "leads[0].signal");
    }

    @Test
    void nonIntegerSamplesAre422WithTheirPosition() {
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[1, 2.5]}]}"), "leads[0].signal[1]");
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[\"3\"]}]}"), "leads[0].signal[0]");
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[null]}]}"), "leads[0].signal[0]");
        invalid(post("{\"leads\":[{\"name\":\"II\",\"signal\":[2147483648]}]}"), "leads[0].signal[0]")
                .body("errors[0].message", containsString("32-bit"));
    }

    @Test
    void numberOfSamplesMismatchIs422() {
        invalid(post("{\"leads\":[{\"name\":\"II\",\"number_of_samples\":4,\"signal\":[1,2,3]}]}"),
                "leads[0].number_of_samples");
    }

    @Test
    void samplingRateOutOfRangeIs422() {
        invalid(post("{\"sampling_rate_hz\":0,\"leads\":[{\"name\":\"II\",\"signal\":[1]}]}"), "sampling_rate_hz");
        invalid(post("{\"sampling_rate_hz\":10001,\"leads\":[{\"name\":\"II\",\"signal\":[1]}]}"), "sampling_rate_hz");
    }

    @Test
    void badIdAndDateAre422() {
        invalid(post("{\"id\":\"not-a-uuid\",\"leads\":[{\"name\":\"II\",\"signal\":[1]}]}"), "id");
        invalid(post("{\"date\":\"yesterday\",\"leads\":[{\"name\":\"II\",\"signal\":[1]}]}"), "date");
    }

    @Test
    void unknownFieldIs422() {
        invalid(post("{\"sampling_rate\":360,\"leads\":[{\"name\":\"II\",\"signal\":[1]}]}"), "sampling_rate");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        post("{\"sampling_rate_hz\":-5,\"leads\":[{\"name\":\"bad name\",\"signal\":[]},{\"name\":\"II\",\"number_of_samples\":2,\"signal\":[1]}]}")
                .statusCode(422)
                .body("errors.field", hasItems("sampling_rate_hz", "leads[0].name", "leads[0].signal", "leads[1].number_of_samples"));
    }

    @Test
    void takenIdIs409() {
        post("{\"id\":\"" + storedId + "\",\"leads\":[{\"name\":\"II\",\"signal\":[9,-9]}]}").statusCode(409);
    }

    @Test
    void wrongMediaTypeIs415() {
        alice.request().contentType(ContentType.TEXT).body("1,2,3").post("/v1/ecgs")
                .then().statusCode(415).contentType("application/problem+json");
        assertStoredUnchanged();
    }

    @Test
    void bodyOverTheLimitIs413() {
        // 32 MiB by default: a body declaring more is refused before it is read.
        byte[] big = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        alice.request().contentType(ContentType.JSON).body(big).post("/v1/ecgs")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        assertStoredUnchanged();
    }

    @Test
    void invalidReplacementIs422AndKeepsTheRecording() {
        alice.request().contentType(ContentType.JSON).body(Map.of("leads", java.util.List.of()))
                .put("/v1/ecgs/" + storedId).then().statusCode(422);
        assertStoredUnchanged();
    }

    @Test
    void unknownPathIs404Problem() {
        alice.request().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
