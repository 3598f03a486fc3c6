package adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health and API documentation, which operators and client authors rely on. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void healthIsUpAndShowsNamesAndStatesOnly() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'database prepared' }.status", equalTo("UP"))
                .body("checks.findAll { it.data != null }", org.hamcrest.Matchers.empty())
                .body(org.hamcrest.Matchers.not(containsString("jdbc:")));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void openApiListsEveryEndpoint() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/ecgs"))
                .body("paths", hasKey("/v1/ecgs/{id}"))
                .body("paths", hasKey("/v1/admin/users"))
                .body("paths", hasKey("/v1/admin/users/{id}"))
                .body("paths", hasKey("/v1/admin/users/{id}/password"))
                .body("paths", hasKey("/v1/auth/tokens"))
                .body("paths", hasKey("/v1/auth/tokens/{id}"))
                .body("paths.'/v1/ecgs'", hasKey("post"))
                .body("paths.'/v1/ecgs/{id}'", hasKey("put"))
                .body("paths.'/v1/ecgs/{id}'", hasKey("delete"))
                .body("components.securitySchemes", hasKey("basic"))
                .body("components.schemas.EcgSubmission.properties", hasKey("sampling_rate_hz"))
                .body(containsString("strictly opposite signs"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
