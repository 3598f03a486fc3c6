package adapters.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Accounts for API tests. Every test class shares one application and database, so names are unique per call. */
final class TestAccounts {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret-1";

    private TestAccounts() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /** A fresh user, created by the admin through the API. */
    static User newUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        var created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/v1/admin/users")
                .then().statusCode(201)
                .extract();
        return new User(created.path("id"), username, password, created.path("created_at"));
    }

    record User(String id, String username, String password, String createdAt) {
        RequestSpecification request() {
            return given().auth().preemptive().basic(username, password);
        }
    }
}
