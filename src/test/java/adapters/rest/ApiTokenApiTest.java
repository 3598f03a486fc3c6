package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiTokenApiTest {

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void issuedTokenAuthenticatesInsteadOfThePassword() {
        TestAccounts.User user = TestAccounts.newUser("tokens");
        String token = user.request().contentType(ContentType.JSON).body(Map.of("name", "wearable-backend"))
                .post("/v1/auth/tokens")
                .then().statusCode(201)
                .body("token", startsWith("sinus_"))
                .body("name", equalTo("wearable-backend"))
                .body("expires_at", notNullValue())
                .extract().path("token");

        String id = bearer(token).contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs")
                .then().statusCode(202).extract().path("id");
        TestEcgs.awaitFinished(user, id);
        bearer(token).get("/v1/ecgs/" + id).then().statusCode(200).body("status", equalTo("done"));
    }

    @Test
    void tokenWithoutBodyGetsDefaultLifetimeAndListsWithoutSecret() {
        TestAccounts.User user = TestAccounts.newUser("tokens");
        String tokenId = user.request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens").then().statusCode(201).extract().path("id");
        user.request().get("/v1/auth/tokens").then().statusCode(200)
                .body("id", contains(tokenId))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")));
    }

    @Test
    void revokedTokenStopsWorkingAtOnce() {
        TestAccounts.User user = TestAccounts.newUser("revoker");
        var issued = user.request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens").then().statusCode(201).extract();
        String token = issued.path("token");
        bearer(token).get("/v1/ecgs").then().statusCode(200);

        user.request().delete("/v1/auth/tokens/" + issued.path("id")).then().statusCode(204);

        bearer(token).get("/v1/ecgs").then().statusCode(401).contentType("application/problem+json");
        user.request().delete("/v1/auth/tokens/" + issued.path("id")).then().statusCode(404);
    }

    @Test
    void userCannotRevokeAnotherUsersToken() {
        TestAccounts.User owner = TestAccounts.newUser("owner");
        TestAccounts.User other = TestAccounts.newUser("other");
        var issued = owner.request().contentType(ContentType.JSON).post("/v1/auth/tokens").then().statusCode(201).extract();
        other.request().delete("/v1/auth/tokens/" + issued.path("id")).then().statusCode(404);
        bearer(issued.path("token")).get("/v1/ecgs").then().statusCode(200);
    }

    @Test
    void unknownOrMalformedTokenIs401() {
        bearer("sinus_not-a-real-token").get("/v1/ecgs").then().statusCode(401);
        given().header("Authorization", "Bearer ").get("/v1/ecgs").then().statusCode(401);
    }

    @Test
    void invalidLifetimeIs422() {
        TestAccounts.User user = TestAccounts.newUser("ttl");
        user.request().contentType(ContentType.JSON).body(Map.of("ttl_seconds", 0)).post("/v1/auth/tokens")
                .then().statusCode(422).body("errors.field", hasItem("ttl_seconds"));
        user.request().contentType(ContentType.JSON).body(Map.of("ttl_seconds", 400L * 24 * 3600)).post("/v1/auth/tokens")
                .then().statusCode(422);
    }

    @Test
    void tokensOfADeletedUserStopWorking() {
        TestAccounts.User user = TestAccounts.newUser("leaver");
        String token = user.request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
        asAdmin().delete("/v1/admin/users/" + user.id()).then().statusCode(204);
        bearer(token).get("/v1/ecgs").then().statusCode(401);
    }

    @Test
    void changedPasswordTakesEffectAtOnceDespiteTheCache() {
        TestAccounts.User user = TestAccounts.newUser("changer");
        user.request().get("/v1/ecgs").then().statusCode(200); // the old password is now remembered as verified

        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "brand-new-password"))
                .put("/v1/admin/users/" + user.id() + "/password").then().statusCode(204);

        user.request().get("/v1/ecgs").then().statusCode(401);
        given().auth().preemptive().basic(user.username(), "brand-new-password").get("/v1/ecgs").then().statusCode(200);
    }

    @Test
    void tooShortNewPasswordIs422() {
        TestAccounts.User user = TestAccounts.newUser("shortpw");
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "short"))
                .put("/v1/admin/users/" + user.id() + "/password").then().statusCode(422);
        user.request().get("/v1/ecgs").then().statusCode(200);
    }
}
