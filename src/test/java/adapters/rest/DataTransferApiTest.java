package adapters.rest;

import static adapters.rest.TestAccounts.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DataTransferApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] export() {
        return asAdmin().get("/v1/admin/export").then().statusCode(200)
                .contentType("application/gzip")
                .header("Content-Disposition", containsString(".ndjson.gz"))
                .extract().asByteArray();
    }

    private static List<String> lines(byte[] archive) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static byte[] gzip(List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static io.restassured.response.ValidatableResponse importArchive(byte[] archive) {
        return asAdmin().contentType("application/gzip").body(archive).post("/v1/admin/import").then();
    }

    @Test
    void exportHoldsEveryRecordWithSamplesAndResultsAndAnEndRecord() throws IOException {
        TestAccounts.User user = TestAccounts.newUser("exported");
        String id = TestEcgs.submit(user, TestEcgs.twoLeads(new int[] {5, 0, -4, 23, -9}, new int[] {-1, 0, 45}));
        TestEcgs.awaitFinished(user, id);

        List<String> lines = lines(export());

        JsonNode header = JSON.readTree(lines.get(0));
        assertEquals("sinus-archive", header.path("format").asText());
        assertEquals(2, header.path("version").asInt());
        JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
        assertEquals("end", end.path("type").asText());
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            records.add(JSON.readTree(line));
        }
        assertEquals(end.path("users").asLong(), records.stream().filter(r -> r.path("type").asText().equals("user")).count());
        assertEquals(end.path("ecgs").asLong(), records.stream().filter(r -> r.path("type").asText().equals("ecg")).count());
        JsonNode ecg = records.stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
        assertEquals(user.id(), ecg.path("owner_id").asText());
        assertEquals("DONE", ecg.path("status").asText());
        assertEquals("[5,0,-4,23,-9]", ecg.path("leads").get(0).path("signal").toString());
        assertEquals("[2,0]", ecg.path("zero_crossings").toString());
        JsonNode account = records.stream().filter(r -> r.path("id").asText().equals(user.id())).findFirst().orElseThrow();
        assertTrue(account.path("password_hash").asText().startsWith("$2"), "only the bcrypt hash travels");
        assertTrue(lines.stream().noneMatch(line -> line.contains(user.password())), "never the password");
    }

    @Test
    void deletedUserComesBackWithEcgsResultsAndPasswordFromAnArchive() throws IOException {
        TestAccounts.User user = TestAccounts.newUser("restored");
        String id = TestEcgs.submit(user, TestEcgs.example());
        String before = TestEcgs.awaitFinished(user, id).extract().asString();
        byte[] archive = export();

        asAdmin().delete("/v1/admin/users/" + user.id()).then().statusCode(204);
        user.request().get("/v1/ecgs/" + id).then().statusCode(401);

        importArchive(archive).statusCode(200)
                .body("users_imported", equalTo(1))
                .body("ecgs_imported", greaterThanOrEqualTo(1))
                .body("users_skipped", greaterThanOrEqualTo(1)); // the administrator and everyone still here

        // imported ECGs are analysed again by this release, to the same results
        String after = TestEcgs.awaitFinished(user, id).extract().asString();
        assertEquals(withoutAnalysisTime(before), withoutAnalysisTime(after));
    }

    @Test
    void heartRateReadingsAndSettingsTravelInTheArchive() throws IOException {
        TestAccounts.User user = TestAccounts.newUser("hr-archived");
        user.request().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("low_alert_below_bpm", 55, "high_alert_above_bpm", 140)).put("/v1/heart-rate/settings")
                .then().statusCode(200);
        java.time.Instant t0 = java.time.Instant.parse("2026-11-30T10:00:00Z");
        user.request().contentType(io.restassured.http.ContentType.JSON).body(List.of(
                        Map.of("bpm", 52, "timestamp", t0.toString(), "device", "strap"),
                        Map.of("bpm", 90, "timestamp", t0.plusSeconds(1).toString()),
                        Map.of("bpm", 145, "timestamp", t0.plusSeconds(2).toString())))
                .post("/v1/heart-rate/readings").then().statusCode(200);
        String before = user.request().get("/v1/heart-rate/readings").then().extract().asString();
        byte[] archive = export();
        List<String> lines = lines(archive);
        JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
        assertTrue(end.path("heart_rate_readings").asLong() >= 3);

        asAdmin().delete("/v1/admin/users/" + user.id()).then().statusCode(204);
        importArchive(archive).statusCode(200).body("users_imported", equalTo(1))
                .body("heart_rate_readings_imported", equalTo(3));

        assertEquals(before, user.request().get("/v1/heart-rate/readings").then().statusCode(200).extract().asString());
        user.request().get("/v1/heart-rate/settings").then().body("low_alert_below_bpm", equalTo(55))
                .body("high_alert_above_bpm", equalTo(140));
        // a reading out of range in an archive is refused before anything is stored
        String userId = java.util.UUID.randomUUID().toString();
        importArchive(gzip(List.of("{\"format\":\"sinus-archive\",\"version\":2}",
                "{\"type\":\"user\",\"id\":\"" + userId + "\",\"username\":\"hr-x-" + userId.substring(0, 8)
                        + "\",\"password_hash\":\"$2a$10$abcdefghijklmnopqrstuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu\",\"role\":\"USER\","
                        + "\"created_at\":\"2026-11-30T10:00:00Z\"}",
                "{\"type\":\"heart_rate_readings\",\"owner_id\":\"" + userId + "\",\"readings\":[[1796112000000,250,0,null]]}",
                "{\"type\":\"end\",\"users\":1,\"api_tokens\":0,\"ecgs\":0,\"heart_rate_settings\":0,\"heart_rate_readings\":1}")))
                .statusCode(422).body(containsString("out of typical range"));
        asAdmin().get("/v1/admin/users/" + userId).then().statusCode(404);
    }

    private static String withoutAnalysisTime(String report) {
        return report.replaceAll("\"analysed_at\":\"[^\"]*\"", "");
    }

    @Test
    void importingTheSameArchiveAgainChangesNothing() {
        TestAccounts.User user = TestAccounts.newUser("again");
        TestEcgs.submit(user, TestEcgs.example());
        byte[] archive = export();
        importArchive(archive).statusCode(200).body("users_imported", equalTo(0)).body("ecgs_imported", equalTo(0));
    }

    @Test
    void truncatedArchiveIs422AndStoresNothing() throws IOException {
        TestAccounts.User user = TestAccounts.newUser("truncated");
        String id = TestEcgs.submit(user, TestEcgs.example());
        TestEcgs.awaitFinished(user, id);
        List<String> lines = lines(export());
        asAdmin().delete("/v1/admin/users/" + user.id()).then().statusCode(204);

        importArchive(gzip(lines.subList(0, lines.size() - 1))).statusCode(422)
                .contentType("application/problem+json").body(containsString("truncated"));
        byte[] cut = export();
        importArchive(java.util.Arrays.copyOf(cut, cut.length / 2)).statusCode(422);

        asAdmin().get("/v1/admin/users").then().body("username", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(user.username())));
    }

    @Test
    void foreignOrDamagedArchivesAre422() throws IOException {
        importArchive("not gzip at all".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body(containsString("gzip"));
        importArchive(gzip(List.of("{\"format\":\"something-else\"}"))).statusCode(422)
                .body(containsString("not a Sinus archive"));
        importArchive(gzip(List.of("{\"format\":\"sinus-archive\",\"version\":3}"))).statusCode(422)
                .body(containsString("version 3"));
        importArchive(gzip(List.of("{\"format\":\"sinus-archive\",\"version\":1}", "{\"type\":\"user\",",
                "{\"type\":\"end\",\"users\":0,\"api_tokens\":0,\"ecgs\":0}"))).statusCode(422)
                .body(containsString("line 2"));
        importArchive(gzip(List.of("{\"format\":\"sinus-archive\",\"version\":1}",
                "{\"type\":\"end\",\"users\":3,\"api_tokens\":0,\"ecgs\":0}"))).statusCode(422)
                .body(containsString("incomplete"));
    }

    @Test
    void onlyTheAdministratorMayExportOrImport() {
        TestAccounts.User user = TestAccounts.newUser("nosy");
        user.request().get("/v1/admin/export").then().statusCode(403);
        user.request().contentType("application/gzip").body(new byte[] {1}).post("/v1/admin/import").then().statusCode(403);
        io.restassured.RestAssured.given().get("/v1/admin/export").then().statusCode(401);
    }

    @Test
    void importNeedsAGzipBody() {
        asAdmin().contentType(ContentType.JSON).body("{}").post("/v1/admin/import").then().statusCode(415);
    }

    // ---- 12 and 17: an archive is checked in full first, and only ever creates its own accounts

    private static String userLine(String id, String username) {
        return "{\"type\":\"user\",\"id\":\"" + id + "\",\"username\":\"" + username + "\","
                + "\"password_hash\":\"$2a$10$abcdefghijklmnopqrstuvwxyz012345678901234567890123456\",\"role\":\"USER\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\"}";
    }

    private static String tokenLine(String userId, String secretHash) {
        return "{\"type\":\"api_token\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"user_id\":\"" + userId
                + "\",\"name\":\"planted\",\"secret_hash\":\"" + secretHash + "\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"expires_at\":\"2036-01-01T00:00:00Z\"}";
    }

    private static String ecgLine(String ownerId) {
        return "{\"type\":\"ecg\",\"id\":\"" + java.util.UUID.randomUUID() + "\",\"owner_id\":\"" + ownerId
                + "\",\"date\":null,\"sampling_rate_hz\":360,\"status\":\"DONE\",\"submitted_at\":\"2026-01-01T00:00:00Z\","
                + "\"analysed_at\":null,\"revision\":0,\"leads\":[{\"name\":\"II\",\"signal\":[1,-3,5]}]}";
    }

    private static List<String> archive(List<String> records, int users, int tokens, int ecgs) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"format\":\"sinus-archive\",\"version\":1}");
        lines.addAll(records);
        lines.add("{\"type\":\"end\",\"users\":" + users + ",\"api_tokens\":" + tokens + ",\"ecgs\":" + ecgs + "}");
        return lines;
    }

    private static void assertNoUser(String username) {
        asAdmin().get("/v1/admin/users").then().body("username", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(username)));
    }

    @Test
    void anArchiveThatClashesChangesNothing() throws IOException {
        TestAccounts.User existing = TestAccounts.newUser("taken");
        String first = "first-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        importArchive(gzip(archive(List.of(userLine(java.util.UUID.randomUUID().toString(), first),
                userLine(java.util.UUID.randomUUID().toString(), existing.username())), 2, 0, 0)))
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(existing.username()));
        assertNoUser(first);
    }

    @Test
    void aTokenWhoseOwnerIsNotInTheArchiveIs422AndChangesNothing() throws IOException {
        String first = "first-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String firstId = java.util.UUID.randomUUID().toString();
        importArchive(gzip(archive(List.of(userLine(firstId, first),
                tokenLine(java.util.UUID.randomUUID().toString(), "ab".repeat(32))), 1, 1, 0)))
                .statusCode(422).body(containsString("not in the archive"));
        assertNoUser(first);
    }

    @Test
    void anUnknownRoleIs422WithoutInternals() throws IOException {
        String line = userLine(java.util.UUID.randomUUID().toString(), "rooted-" + java.util.UUID.randomUUID().toString()
                .substring(0, 8)).replace("\"USER\"", "\"ROOT\"");
        importArchive(gzip(archive(List.of(line), 1, 0, 0))).statusCode(422)
                .body(containsString("role must be ADMIN or USER"))
                .body(org.hamcrest.Matchers.not(containsString("domain.")))
                .body(org.hamcrest.Matchers.not(containsString("enum")));
    }

    @Test
    void anArchiveCannotPlantACredentialOrAnEcgInAnExistingAccount() throws Exception {
        TestAccounts.User victim = TestAccounts.newUser("victim");
        String secret = "sinus_planted-secret-" + java.util.UUID.randomUUID();
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        List<String> records = List.of(userLine(victim.id(), victim.username()), tokenLine(victim.id(), hash),
                ecgLine(victim.id()));

        importArchive(gzip(archive(records, 1, 1, 1))).statusCode(200)
                .body("users_imported", equalTo(0)).body("api_tokens_imported", equalTo(0)).body("ecgs_imported", equalTo(0))
                .body("users_skipped", equalTo(1)).body("api_tokens_skipped", equalTo(1)).body("ecgs_skipped", equalTo(1));

        io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret).get("/v1/ecgs").then().statusCode(401);
        victim.request().get("/v1/ecgs").then().body("total_items", equalTo(0));
        importArchive(gzip(archive(List.of(userLine(victim.id(), "renamed-" + java.util.UUID.randomUUID().toString()
                .substring(0, 8)), tokenLine(victim.id(), hash)), 1, 1, 0))).statusCode(409);
    }

    @Test
    void anArchiveWithAnEndlessLineIsRefusedWithinTheParsersLimits() throws IOException {
        String endless = "{\"type\":\"user\",\"username\":\"" + "a".repeat(30_000_000) + "\"}";
        byte[] archive = gzip(archive(List.of(endless), 1, 0, 0));
        assertTrue(archive.length < 200_000, "a small archive: " + archive.length);
        importArchive(archive).statusCode(422).body(containsString("line 2"));
    }
}
