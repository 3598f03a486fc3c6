package adapters.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Accounts for API tests. Every test class shares one application and database, so names are unique per call. */
public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret-1";

    private TestAccounts() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A fresh user, created by the admin through the API. */
    public static User newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        var created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/v1/admin/users")
                .then().statusCode(201)
                .extract();
        return new User(created.path("id"), username, password, created.path("created_at"));
    }

    public record User(String id, String username, String password, String createdAt) {
        /** A new API token of this user's, for bearer authentication. */
        public String newToken() {
            return request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens")
                    .then().statusCode(201).extract().path("token");
        }

        /** The value of an Authorization header with this user's password (HTTP Basic). */
        public String basicAuthorization() {
            return "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public RequestSpecification request() {
            return given().auth().preemptive().basic(username, password);
        }
    }
}
