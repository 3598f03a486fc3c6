package adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** First start without a configured admin password: one is generated, shown once, and stored only hashed. */
class AdminPasswordGenerationIT {

    private static final Pattern SHOWN = Pattern.compile("shown only this once:\\s+(\\S+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void generatedAdminPasswordIsLoggedOnceAndStoredOnlyAsAHash() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of())) {
            app.start();
            Matcher matcher = SHOWN.matcher(app.log());
            assertTrue(matcher.find(), "the generated password is in the log:\n" + app.log());
            String password = matcher.group(1);
            assertTrue(password.length() >= 20, "a strong password: " + password.length() + " characters");

            app.as("admin", password).get("/v1/admin/users").then().statusCode(200);
            app.as("admin", "wrong-" + password).get("/v1/admin/users").then().statusCode(401);
            app.kill();

            app.start();
            Matcher again = SHOWN.matcher(app.log());
            again.find();
            assertFalse(again.find(), "the password is shown at the first start only");
            app.as("admin", password).get("/v1/admin/users").then().statusCode(200);
            app.kill();

            assertEquals(List.of(), filesContaining(app.dataDir(), password), "the clear password is nowhere on disk");
        }
    }

    @Test
    void aLaterConfiguredPasswordIsReportedAsUnusedAndAResetAppliesIt() throws Exception {
        try (PackagedApp app = new PackagedApp(workDir, Map.of("SINUS_ADMIN_PASSWORD", "first-admin-password"))) {
            app.start();
            app.kill();

            app.env("SINUS_ADMIN_PASSWORD", "second-admin-password");
            app.start();
            assertTrue(app.log().contains("exists already and keeps its password"), app.log());
            assertTrue(app.log().contains("SINUS_ADMIN_RESET_PASSWORD=true"), "says how to apply it:\n" + app.log());
            app.as("admin", "first-admin-password").get("/v1/admin/users").then().statusCode(200);
            app.as("admin", "second-admin-password").get("/v1/admin/users").then().statusCode(401);
            String token = app.as("admin", "first-admin-password").contentType("application/json").body("{}")
                    .post("/v1/auth/tokens").then().statusCode(201).extract().path("token");
            app.kill();

            app.env("SINUS_ADMIN_RESET_PASSWORD", "true");
            app.start();
            app.as("admin", "second-admin-password").get("/v1/admin/users").then().statusCode(200);
            app.as("admin", "first-admin-password").get("/v1/admin/users").then().statusCode(401);
            io.restassured.RestAssured.given().baseUri(app.baseUri()).header("Authorization", "Bearer " + token)
                    .get("/v1/admin/users").then().statusCode(401);
            assertTrue(app.log().contains("reset the password of the administrator"), app.log());
        }
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
