package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tokens bounded by the password that issued them, ids that reveal nothing, throttled guessing, safe headers. */
@QuarkusTest
class AccountSecurityApiTest {

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static Response issue(TestAccounts.User user, Map<String, Object> body) {
        return user.request().contentType(ContentType.JSON).body(body).post("/v1/auth/tokens");
    }

    private static String token(TestAccounts.User user) {
        return issue(user, Map.of()).then().statusCode(201).extract().path("token");
    }

    // ---- 16: tokens

    @Test
    void aTokenCannotIssueAnotherToken() {
        TestAccounts.User user = TestAccounts.newUser("minter");
        String token = token(user);

        bearer(token).contentType(ContentType.JSON).body(Map.of("ttl_seconds", 365L * 24 * 3600)).post("/v1/auth/tokens")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("password"));
        user.request().get("/v1/auth/tokens").then().body("$", hasSize(1));
    }

    @Test
    void aPasswordResetByTheAdministratorRevokesTheUsersTokens() {
        TestAccounts.User user = TestAccounts.newUser("reset");
        String token = token(user);
        bearer(token).get("/v1/ecgs").then().statusCode(200);

        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "a-brand-new-password"))
                .put("/v1/admin/users/" + user.id() + "/password").then().statusCode(204);

        bearer(token).get("/v1/ecgs").then().statusCode(401);
        user.request().get("/v1/ecgs").then().statusCode(401);
        given().auth().preemptive().basic(user.username(), "a-brand-new-password").get("/v1/auth/tokens")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void theAdministratorListsAndRevokesAUsersTokens() {
        TestAccounts.User user = TestAccounts.newUser("audited");
        String first = token(user);
        String second = token(user);
        List<String> ids = asAdmin().get("/v1/admin/users/" + user.id() + "/tokens").then().statusCode(200)
                .body("$", hasSize(2)).body("[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .extract().path("id");

        asAdmin().delete("/v1/admin/users/" + user.id() + "/tokens/" + ids.get(0)).then().statusCode(204);
        assertEquals(1, List.of(first, second).stream().filter(t -> bearer(t).get("/v1/ecgs").statusCode() == 200).count());

        asAdmin().delete("/v1/admin/users/" + user.id() + "/tokens").then().statusCode(204);
        bearer(first).get("/v1/ecgs").then().statusCode(401);
        bearer(second).get("/v1/ecgs").then().statusCode(401);
        asAdmin().get("/v1/admin/users/" + UUID.randomUUID() + "/tokens").then().statusCode(404);
        asAdmin().delete("/v1/admin/users/" + user.id() + "/tokens/" + UUID.randomUUID()).then().statusCode(404);
        user.request().get("/v1/admin/users/" + user.id() + "/tokens").then().statusCode(403);
    }

    // ---- 18: an id chosen by one user says nothing about another's

    @Test
    void anIdAnotherUserHasIsAcceptedAndKeepsBothEcgsApart() {
        TestAccounts.User alice = TestAccounts.newUser("alice");
        TestAccounts.User bob = TestAccounts.newUser("bob");
        String id = UUID.randomUUID().toString();
        Map<String, Object> alices = Map.of("id", id, "leads", List.of(Map.of("name", "I", "signal", List.of(1, -1))));
        Map<String, Object> bobs = Map.of("id", id, "leads", List.of(Map.of("name", "V1", "signal", List.of(1, -1, 1))));
        alice.request().contentType(ContentType.JSON).body(alices).post("/v1/ecgs").then().statusCode(202);

        bob.request().contentType(ContentType.JSON).body(bobs).post("/v1/ecgs").then().statusCode(202).body("id", equalTo(id));
        bob.request().multiPart("csv", "b.csv", "I\n1\n".getBytes()).multiPart("id", id).post("/v1/ecgs/import")
                .then().statusCode(409); // bob's own id now: taken by bob

        TestEcgs.awaitFinished(alice, id).body("leads.name", org.hamcrest.Matchers.contains("I"))
                .body("zero_crossings_total", equalTo(1));
        TestEcgs.awaitFinished(bob, id).body("leads.name", org.hamcrest.Matchers.contains("V1"))
                .body("zero_crossings_total", equalTo(2));
        bob.request().delete("/v1/ecgs/" + id).then().statusCode(204);
        alice.request().get("/v1/ecgs/" + id).then().statusCode(200);
    }

    // ---- 19: guessing passwords

    @Test
    void wrongPasswordsForOneAccountAreThrottledWith429AndRetryAfter() {
        TestAccounts.User user = TestAccounts.newUser("guessed");
        user.request().get("/v1/ecgs").then().statusCode(200); // remembered: a right password that passed recently
        RequestSpecification guess = given().auth().preemptive().basic(user.username(), "not-the-password");
        for (int i = 0; i < 10; i++) {
            guess.get("/v1/ecgs").then().statusCode(401);
        }

        Response throttled = given().auth().preemptive().basic(user.username(), "not-the-password").get("/v1/ecgs");
        assertEquals(429, throttled.statusCode(), throttled.asString());
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        throttled.then().contentType("application/problem+json");
        given().auth().preemptive().basic(user.username(), "not-the-password").contentType(ContentType.JSON)
                .body(TestEcgs.example()).post("/v1/ecgs").then().statusCode(429).header("Retry-After", notNullValue());
        user.request().get("/v1/ecgs").then().statusCode(200);
        token(user); // and the owner, whose password passed recently, still gets in
    }

    // ---- 20: headers

    @Test
    void responsesAreNotSniffedAndApiResponsesNotCached() {
        TestAccounts.User user = TestAccounts.newUser("headers");
        String id = TestEcgs.submit(user, TestEcgs.example());
        for (Response response : List.of(user.request().get("/v1/ecgs/" + id), user.request().get("/v1/ecgs"),
                issue(user, Map.of()), asAdmin().get("/v1/admin/export"), user.request().get("/v1/ecgs/" + UUID.randomUUID()),
                given().get("/v1/ecgs"))) {
            assertEquals("nosniff", response.header("X-Content-Type-Options"), response.asString());
            assertEquals("no-store", response.header("Cache-Control"), response.asString());
        }
        assertEquals("nosniff", given().get("/q/health").header("X-Content-Type-Options"));
    }

    @Test
    void tokenIssuanceIsTheOnlyPlaceASecretAppears() {
        TestAccounts.User user = TestAccounts.newUser("secret");
        String token = token(user);
        String id = user.request().get("/v1/auth/tokens").then().extract().path("[0].id");
        assertNotEquals(token, id);
        user.request().get("/v1/auth/tokens/" + id).then().statusCode(200).body(not(containsString(token)));
        TestAccounts.User other = TestAccounts.newUser("other");
        other.request().get("/v1/auth/tokens/" + id).then().statusCode(404);
        asAdmin().get("/v1/admin/users/" + user.id()).then().statusCode(200).body(not(containsString("password")))
                .body("username", equalTo(user.username()));
        asAdmin().get("/v1/admin/users").then().body("username", hasItem(user.username()));
    }
}
