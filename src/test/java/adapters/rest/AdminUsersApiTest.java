package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersApiTest {

    @Test
    void adminCreatesUserWithLocationAndNoPasswordInResponse() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "carol.new_user-1", "password", "long-enough"))
                .post("/v1/admin/users")
                .then().statusCode(201)
                .header("Location", containsString("/v1/admin/users/"))
                .body("id", notNullValue())
                .body("username", equalTo("carol.new_user-1"))
                .body("role", equalTo("user"))
                .body(not(containsString("long-enough")))
                .body(not(containsString("password")));
    }

    @Test
    void createdUserCanAuthenticateAndIsListed() {
        TestAccounts.User dave = TestAccounts.newUser("dave");
        dave.request().get("/v1/ecgs").then().statusCode(200);
        asAdmin().get("/v1/admin/users").then().statusCode(200)
                .body("username", hasItems("admin", dave.username()));
    }

    @Test
    void duplicateUsernameIsConflict() {
        TestAccounts.User erin = TestAccounts.newUser("erin");
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", erin.username(), "password", "another-password"))
                .post("/v1/admin/users")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void invalidUsernameAndPasswordAreBothReported() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "a b", "password", "short"))
                .post("/v1/admin/users")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("username", "password"));
    }

    @Test
    void usernameLengthLimitsAreEnforced() {
        for (String name : new String[] {"ab", "x".repeat(65), "émile", ""}) {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", "long-enough"))
                    .post("/v1/admin/users")
                    .then().statusCode(422).body("errors.field", hasItem("username"));
        }
    }

    @Test
    void missingFieldsAreInvalid() {
        asAdmin().contentType(ContentType.JSON).body("{}").post("/v1/admin/users")
                .then().statusCode(422).body("errors.field", hasItems("username", "password"));
    }

    @Test
    void anonymousGets401WithChallenge() {
        given().contentType(ContentType.JSON).body(Map.of("username", "mallory", "password", "long-enough"))
                .post("/v1/admin/users")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void wrongAdminPasswordGets401() {
        given().auth().preemptive().basic("admin", "not-the-password").get("/v1/admin/users")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void nonAdminGets403() {
        TestAccounts.User frank = TestAccounts.newUser("frank");
        frank.request().contentType(ContentType.JSON).body(Map.of("username", "frank2", "password", "long-enough"))
                .post("/v1/admin/users")
                .then().statusCode(403).contentType("application/problem+json");
        frank.request().get("/v1/admin/users").then().statusCode(403);
    }

    @Test
    void deletedUserLosesAccessAtOnceAndTheirEcgsGo() {
        TestAccounts.User gina = TestAccounts.newUser("gina");
        String ecg = TestEcgs.submit(gina, TestEcgs.example());
        gina.request().get("/v1/ecgs/" + ecg).then().statusCode(200); // also warms the credential cache

        asAdmin().delete("/v1/admin/users/" + gina.id()).then().statusCode(204);

        gina.request().get("/v1/ecgs").then().statusCode(401);
        asAdmin().get("/v1/admin/users").then().body("username", not(hasItem(gina.username())));
        asAdmin().delete("/v1/admin/users/" + gina.id()).then().statusCode(404);
    }

    @Test
    void adminAccountCannotBeDeleted() {
        String adminId = asAdmin().get("/v1/admin/users").then().extract()
                .path("find { it.username == 'admin' }.id");
        asAdmin().delete("/v1/admin/users/" + adminId).then().statusCode(409)
                .body("detail", containsString("administrator"));
    }

    @Test
    void malformedJsonIs400() {
        asAdmin().contentType(ContentType.JSON).body("{\"username\":").post("/v1/admin/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", endsWith(")."));
    }
}
