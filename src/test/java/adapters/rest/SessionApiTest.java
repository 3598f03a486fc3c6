package adapters.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's sign-in: an encrypted session cookie, refused to other sites' pages, ended by sign-out. */
@QuarkusTest
class SessionApiTest {

    private static final String COOKIE = "sinus_session";
    private static final String CSRF = "X-Sinus-Csrf";

    private static Response signIn(String username, String password) {
        return given().contentType(ContentType.URLENC).header(CSRF, "1")
                .formParam("username", username).formParam("password", password)
                .post("/v1/auth/session");
    }

    private static RequestSpecification withSession(String cookie) {
        return given().cookie(COOKIE, cookie).header(CSRF, "1");
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteStrictCookieThatAuthenticates() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        Response response = signIn(alice.username(), alice.password());
        response.then().statusCode(200).body("username", equalTo(alice.username())).body("role", equalTo("user"));
        String header = response.header("Set-Cookie");
        assertTrue(header.toLowerCase(java.util.Locale.ROOT).contains("httponly"), header);
        assertTrue(header.contains("SameSite=Strict"), header);
        assertTrue(header.contains("Path=/"), header);
        assertTrue(header.contains("Max-Age=43200"), header);
        String cookie = response.cookie(COOKIE);
        assertNotNull(cookie);
        assertTrue(!cookie.contains(alice.id()), "the cookie does not show the user's id");

        withSession(cookie).get("/v1/auth/session").then().statusCode(200)
                .body("username", equalTo(alice.username())).body("role", equalTo("user"));
        withSession(cookie).get("/v1/ecgs").then().statusCode(200);
        withSession(cookie).contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs")
                .then().statusCode(202);
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfHeaderIsRefused() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        String cookie = signIn(alice.username(), alice.password()).cookie(COOKIE);
        given().cookie(COOKIE, cookie).contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-Sinus-Csrf"));
        alice.request().get("/v1/ecgs").then().body("total_items", equalTo(0)); // nothing stored
        given().cookie(COOKIE, cookie).get("/v1/ecgs").then().statusCode(200); // reading needs no header
    }

    @Test
    void aRequestFromAPageOfAnotherOriginCannotUseTheSession() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        String cookie = signIn(alice.username(), alice.password()).cookie(COOKIE);
        withSession(cookie).header("Origin", "https://evil.example").get("/v1/ecgs").then().statusCode(403);
        withSession(cookie).header("Origin", "http://localhost:" + io.restassured.RestAssured.port).get("/v1/ecgs")
                .then().statusCode(200);
    }

    @Test
    void wrongCredentialsAre401WithoutABrowserDialogChallenge() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        Response response = signIn(alice.username(), "wrong-password");
        response.then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("Wrong username or password."));
        assertEquals(null, response.header("Set-Cookie"));
        given().header(CSRF, "1").get("/v1/ecgs").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
        given().get("/v1/ecgs").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic")); // API clients still get the challenge
        // asking who is signed in is not an error when nobody is (the page asks at every load)
        given().header(CSRF, "1").get("/v1/auth/session").then().statusCode(200)
                .body("username", nullValue()).body("role", nullValue());
        signIn(alice.username(), null).then().statusCode(401);
    }

    @Test
    void aForgedOrTamperedCookieIsNoSession() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        String cookie = signIn(alice.username(), alice.password()).cookie(COOKIE);
        char[] tampered = cookie.toCharArray();
        tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
        withSession(new String(tampered)).get("/v1/auth/session").then().statusCode(200).body("username", nullValue());
        withSession(new String(tampered)).get("/v1/ecgs").then().statusCode(401);
        withSession("not-a-session").get("/v1/ecgs").then().statusCode(401);
    }

    @Test
    void changingThePasswordOrDeletingTheAccountEndsTheSession() {
        TestAccounts.User alice = TestAccounts.newUser("session");
        String cookie = signIn(alice.username(), alice.password()).cookie(COOKIE);
        TestAccounts.asAdmin().contentType(ContentType.JSON).body(Map.of("password", "a-brand-new-password"))
                .put("/v1/admin/users/" + alice.id() + "/password").then().statusCode(204);
        withSession(cookie).get("/v1/ecgs").then().statusCode(401);

        TestAccounts.User bob = TestAccounts.newUser("session");
        String bobs = signIn(bob.username(), bob.password()).cookie(COOKIE);
        TestAccounts.asAdmin().delete("/v1/admin/users/" + bob.id()).then().statusCode(204);
        withSession(bobs).get("/v1/ecgs").then().statusCode(401);
    }

    @Test
    void signingOutClearsTheCookie() {
        Response out = given().header(CSRF, "1").delete("/v1/auth/session");
        out.then().statusCode(204);
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
    }

    @Test
    void theAdminSignsInToo() {
        Response response = signIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        response.then().statusCode(200).body("role", equalTo("admin"));
        withSession(response.cookie(COOKIE)).get("/v1/admin/users").then().statusCode(200);
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().get("/webjars/uplot/1.6.30/dist/uPlot.esm.js").then().statusCode(200);
    }
}
