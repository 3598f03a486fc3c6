package adapters.rest;

import static adapters.fileformat.wfdb.WfdbFiles.checksum;
import static adapters.fileformat.wfdb.WfdbFiles.encode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input that used to answer 500, exhaust memory or be accepted silently: every one of them is now a 4xx
 * problem that says what is wrong, and none of them changes what is stored. The test profile's recording
 * limits are small (64 leads, 2,000,000 samples per lead, 4,000,000 in all), so that the limits are proven
 * with small requests.
 */
@QuarkusTest
class HostileInputApiTest {

    private static final String IMPORT = "/v1/ecgs/import";
    private static final int MAX_SAMPLES_PER_LEAD = 2_000_000;

    private TestEcgs.Witness stored;
    private TestAccounts.User user;
    private String storedId;

    @BeforeEach
    void storeOneEcg() {
        stored = TestEcgs.Witness.create("hostile");
        user = stored.user();
        storedId = stored.id();
    }

    private void assertStoredUnchanged() {
        stored.assertUnchanged();
    }

    private ValidatableResponse refused(Response response, int status) {
        ValidatableResponse problem = response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("domain.")))
                .body(not(containsString("jackson"))).body(not(containsString("resteasy")));
        assertStoredUnchanged();
        return problem;
    }

    private Response postJson(String body) {
        return user.request().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/v1/ecgs");
    }

    private static String signal(int samples) {
        StringBuilder text = new StringBuilder(samples * 2 + 2).append('[');
        for (int i = 0; i < samples; i++) {
            text.append(i == 0 ? "" : ",").append(i % 2);
        }
        return text.append(']').toString();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }

    // ---- 1 and 2: limits on leads and samples, whichever way a recording comes in

    @Test
    void aJsonEcgWithMoreLeadsThanTheLimitIs422() {
        StringBuilder leads = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            leads.append(i == 0 ? "" : ",").append("{\"name\":\"L").append(i).append("\",\"signal\":[1]}");
        }
        refused(postJson("{\"leads\":[" + leads + "]}"), 422)
                .body("errors.field", hasItem("leads")).body("errors.message", hasItem(containsString("at most 64 leads")));
    }

    @Test
    void aJsonLeadWithMoreSamplesThanTheLimitIs422() {
        refused(postJson("{\"leads\":[{\"name\":\"II\",\"signal\":" + signal(MAX_SAMPLES_PER_LEAD + 1) + "}]}"), 422)
                .body("errors.field", hasItem("leads[0].signal"));
    }

    @Test
    void moreSamplesOverAllLeadsThanTheLimitIs422() {
        String lead = signal(1_500_000);
        refused(postJson("{\"leads\":[{\"name\":\"I\",\"signal\":" + lead + "},{\"name\":\"II\",\"signal\":" + lead
                + "},{\"name\":\"III\",\"signal\":" + lead + "}]}"), 422)
                .body("errors.message", hasItem(containsString("over all leads")));
    }

    @Test
    void aCsvWithMoreLeadColumnsThanTheLimitIs422() throws IOException {
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            header.append(i == 0 ? "" : ",").append("L").append(i);
            row.append(i == 0 ? "" : ",").append(1);
        }
        byte[] zipped = gzip((header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
        // A gzip trailer claiming 4 GiB of text: a reader that trusts it allocates gigabytes.
        zipped[zipped.length - 4] = zipped[zipped.length - 3] = zipped[zipped.length - 2] = zipped[zipped.length - 1] = -1;
        refused(user.request().multiPart("csv", "big.csv.gz", zipped).multiPart("sampling_rate_hz", "100").post(IMPORT), 422)
                .body("errors.message", hasItem(containsString("at most 64 leads")));
    }

    @Test
    void aSmallGzipThatDecodesToMoreSamplesThanTheLimitIs422() throws IOException {
        byte[] bomb = gzip(("I\n" + "0\n".repeat(MAX_SAMPLES_PER_LEAD + 10)).getBytes(StandardCharsets.US_ASCII));
        assertTrue(bomb.length < 100_000, "a few kilobytes that decode to megabytes: " + bomb.length);
        refused(user.request().multiPart("csv", "bomb.csv.gz", bomb).multiPart("sampling_rate_hz", "100").post(IMPORT), 422)
                .body("errors.field", hasItem("csv")).body("errors.message", hasItem(containsString("rows")));
    }

    @Test
    void aWfdbDataFileWithMoreSamplesThanTheLimitIs422BeforeItIsDecoded() {
        // Format 80 without a declared length: one sample per byte, as many as the file holds.
        byte[] data = new byte[MAX_SAMPLES_PER_LEAD + 1];
        refused(user.request().multiPart("header", "r.hea", "r 1 250\nr.dat 80 200/mV\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("data", "r.dat", data).post(IMPORT), 422)
                .body("errors.message", hasItem(containsString("samples per signal")));
    }

    @Test
    void aWfdbHeaderWithMoreVoltageSignalsThanTheLimitIs422() {
        StringBuilder header = new StringBuilder("r 65 250 1\n");
        for (int i = 0; i < 65; i++) {
            header.append("r.dat 16 200/mV 16 0 0 0 0 L").append(i).append('\n');
        }
        refused(user.request().multiPart("header", "r.hea", header.toString().getBytes(StandardCharsets.UTF_8))
                .multiPart("data", "r.dat", new byte[130]).post(IMPORT), 422)
                .body("errors.message", hasItem(containsString("at most 64 leads")));
    }

    @Test
    void theLimitsAreTheConfiguredOnes() {
        assertEquals(MAX_SAMPLES_PER_LEAD, ConfigProvider.getConfig().getValue("sinus.ecg.max-samples-per-lead", Integer.class));
    }

    // ---- 3: bodies without a Content-Length are counted as they arrive

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        int[] sent = {0};
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestHttp.base() + "/v1/ecgs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(
                        new java.util.concurrent.Flow.Subscription() {
                            @Override
                            public void request(long n) {
                                for (long i = 0; i < n && sent[0] < 40; i++) {
                                    sent[0]++;
                                    subscriber.onNext(ByteBuffer.wrap(chunk));
                                }
                                if (sent[0] >= 40) {
                                    subscriber.onComplete();
                                }
                            }

                            @Override
                            public void cancel() {
                            }
                        })))
                .build();
        HttpResponse<String> response;
        try {
            // chunked transfer coding is HTTP/1.1's (the JDK's client would otherwise ask for HTTP/2)
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException refusedMidway) {
            assertStoredUnchanged();
            return; // the server may close the connection before the client has sent it all: nothing was stored
        }
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("limit of 33554432 bytes"), response.body());
        assertStoredUnchanged();
    }

    /**
     * The JDK's client asks for HTTP/2 (an h2c upgrade) and streams this body: over HTTP/2 the limit holds too (the
     * REST layer's reader counts it; its 413 carries no problem body, see the README).
     */
    @Test
    void anHttp2BodyOverTheLimitIs413() throws Exception {
        java.io.InputStream endless = new java.io.InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent++ < 40_000_000L ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= 40_000_000L) {
                    return -1;
                }
                int n = (int) Math.min(len, 40_000_000L - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestHttp.base() + "/v1/ecgs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                .build();
        int status;
        try {
            status = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()
                    .send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedWhileSending) {
            status = 413; // the server answered and closed the stream before the client finished sending
        }
        assertEquals(413, status);
        assertStoredUnchanged();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        byte[] body = ("{\"sampling_rate_hz\":360,\"leads\":[{\"name\":\"II\",\"signal\":" + signal(100_000) + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestHttp.base() + "/v1/ecgs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
    }

    @Test
    void anAnonymousBodyIsAnswered401BeforeItIsSent() throws Exception {
        assertEquals(401, TestHttp.statusBeforeBody("POST", "/v1/ecgs", null, 40_000_000));
        assertEquals(401, TestHttp.statusBeforeBody("POST", IMPORT, null, 40_000_000));
        assertEquals(401, TestHttp.statusBeforeBody("POST", "/v1/ecgs", "Basic " + Base64.getEncoder().encodeToString(
                (user.username() + ":wrong-password").getBytes(StandardCharsets.UTF_8)), 1_000_000));
        assertEquals(413, TestHttp.statusBeforeBody("POST", "/v1/ecgs", "Basic " + Base64.getEncoder().encodeToString(
                (user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)), 40_000_000));
        assertStoredUnchanged();
    }

    // ---- 13 and 14: malformed JSON and every broken rule at once

    @Test
    void valuesOfTheWrongTypeAre422WithTheirPath() {
        refused(postJson("{\"leads\":[{\"name\":\"I\",\"signal\":\"x\"}]}"), 422)
                .body("errors.field", hasItem("leads[0].signal"));
        refused(postJson("{\"leads\":[{\"name\":7,\"signal\":[1]}]}"), 422).body("errors.field", hasItem("leads[0].name"));
        refused(postJson("{\"leads\":{}}"), 422).body("errors.field", hasItem("leads"));
        refused(postJson("{\"leads\":[[1]]}"), 422).body("errors.field", hasItem("leads[0]"));
        refused(postJson("{\"id\":5,\"leads\":[{\"name\":\"I\",\"signal\":[1]}]}"), 422).body("errors.field", hasItem("id"));
    }

    @Test
    void everyBrokenRuleIsListedEvenWhenSomeAreTypeErrors() {
        refused(postJson("{\"sampling_rate_hz\":0,\"date\":\"x\",\"leads\":[{\"name\":\"bad name\",\"signal\":[]}]}"), 422)
                .body("errors.field", hasItems("sampling_rate_hz", "date", "leads[0].name", "leads[0].signal"));
        refused(postJson("{\"leads\":[{\"name\":\"I\",\"signal\":[1,3.5,2147483648,null,\"3\"]}]}"), 422)
                .body("errors.field", hasItems("leads[0].signal[1]", "leads[0].signal[2]", "leads[0].signal[3]",
                        "leads[0].signal[4]"));
    }

    @Test
    void aMillionBadSamplesMakeAShortList() {
        String nulls = "[" + "null,".repeat(1_000_000) + "null]";
        refused(postJson("{\"leads\":[{\"name\":\"I\",\"signal\":" + nulls + "}]}"), 422)
                .body("errors", hasSize(101)).body("errors[100].message", containsString("more violation"));
    }

    @Test
    void malformedOrExcessiveJsonIs400() {
        refused(postJson("{\"leads\":[{\"name\":\"I\",\"number_of_samples\":1,\"number_of_samples\":1,\"signal\":[1]}]}"), 400)
                .body("detail", containsString("appears twice"));
        refused(postJson("{\"sampling_rate_hz\":" + "1".repeat(1_001) + "}"), 400);
        refused(postJson("{\"leads\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}"), 400);
        refused(postJson("{\"" + "a".repeat(50_001) + "\":1}"), 400);
        refused(postJson("[" + "[".repeat(1_001) + "]".repeat(1_001) + "]"), 400);
        refused(postJson("{\"leads\":[]} {}"), 400);
        refused(user.request().contentType(ContentType.JSON).body("{\"username\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}")
                .post("/v1/auth/tokens"), 400);
        refused(user.request().contentType(ContentType.JSON).body("{\"name\":\"a\",\"name\":\"b\"}").post("/v1/auth/tokens"), 400);
        refused(user.request().contentType(ContentType.JSON).body("{\"ttl_seconds\":\"x\"}").post("/v1/auth/tokens"), 422)
                .body("errors.field", hasItem("ttl_seconds"));
    }

    @Test
    void datesTheDatabasesCannotStoreAre422() {
        for (String date : List.of("+999999999-12-31T23:59:59Z", "-4713-01-01T00:00:00Z", "1899-12-31T23:59:59Z")) {
            refused(postJson("{\"date\":\"" + date + "\",\"leads\":[{\"name\":\"I\",\"signal\":[1]}]}"), 422)
                    .body("errors.field", hasItem("date"));
            refused(user.request().multiPart("csv", "d.csv", "I\n1\n".getBytes(StandardCharsets.UTF_8))
                    .multiPart("date", date).post(IMPORT), 422).body("errors.field", hasItem("date"));
        }
    }

    // ---- 13: multipart bodies the form parser refuses

    @Test
    void aFormWithMorePartsThanTheServerReadsIs413() {
        RequestSpecification request = user.request().multiPart("csv", "w.csv", "I\n1\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1_100; i++) {
            request = request.multiPart("f" + i, "x");
        }
        refused(request.post(IMPORT), 413).body("detail", containsString("parts"));
    }

    @Test
    void aDataPartWithoutAFileNameIsNamedAsMissing() {
        byte[] data = new byte[3_000];
        refused(user.request().multiPart("header", "rec.hea", "rec 1 250 1500\nrec.dat 16 200/mV\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("data", new String(data, StandardCharsets.ISO_8859_1)).post(IMPORT), 422)
                .body("errors.field", hasItem("data"));
    }

    // ---- 15: what was silently accepted or inconsistent

    @Test
    void aReplacementWhoseIdIsNotThePathsIs422() {
        refused(user.request().contentType(ContentType.JSON)
                .body("{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"leads\":[{\"name\":\"I\",\"signal\":[1,-1]}]}")
                .put("/v1/ecgs/" + storedId), 422).body("errors.field", hasItem("id"));
        user.request().contentType(ContentType.JSON)
                .body("{\"id\":\"" + storedId + "\",\"leads\":[{\"name\":\"I\",\"signal\":[1,-1]}]}")
                .put("/v1/ecgs/" + storedId).then().statusCode(202);
    }

    @Test
    void timesInAResponseAreTheTimesEveryLaterReadReturns() {
        Response created = user.request().contentType(ContentType.JSON)
                .body(Map.of("date", "2026-11-23T08:30:00.123456789Z", "leads", List.of(Map.of("name", "I", "signal", List.of(1)))))
                .post("/v1/ecgs");
        String id = created.path("id");
        String submitted = user.request().get("/v1/ecgs/" + id).path("submitted_at");
        TestEcgs.awaitFinished(user, id).body("submitted_at", equalTo(submitted))
                .body("date", equalTo("2026-11-23T08:30:00.123456Z"));
        Response token = user.request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens");
        String tokenId = token.path("id");
        user.request().get("/v1/auth/tokens/" + tokenId).then().statusCode(200)
                .body("created_at", equalTo(token.path("created_at")))
                .body("expires_at", equalTo(token.path("expires_at")));
        TestAccounts.User other = TestAccounts.newUser("precise");
        TestAccounts.asAdmin().get("/v1/admin/users/" + other.id()).then().statusCode(200)
                .body("created_at", equalTo(other.createdAt()));
    }

    @Test
    void everyLocationHeaderPointsAtSomethingThatAnswers() {
        Response user1 = TestAccounts.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "located-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                        "password", "located-password")).post("/v1/admin/users");
        TestAccounts.asAdmin().get(URI.create(user1.header("Location")).getPath()).then().statusCode(200)
                .body("id", equalTo(user1.path("id")));
        Response token = user.request().contentType(ContentType.JSON).body("{}").post("/v1/auth/tokens");
        user.request().get(URI.create(token.header("Location")).getPath()).then().statusCode(200)
                .body("id", equalTo(token.path("id")));
        Response ecg = user.request().contentType(ContentType.JSON).body(TestEcgs.example()).post("/v1/ecgs");
        user.request().get(URI.create(ecg.header("Location")).getPath()).then().statusCode(200);
    }

    @Test
    void noMethodThatOptionsAdvertisesAnswers405() {
        String nobody = java.util.UUID.randomUUID().toString(); // so that the methods tried change nothing
        List<String> paths = List.of("/v1/ecgs", "/v1/ecgs/" + nobody, "/v1/ecgs/" + nobody + "/beats", IMPORT,
                "/v1/admin/users", "/v1/admin/users/" + nobody, "/v1/admin/users/" + nobody + "/password",
                "/v1/admin/users/" + nobody + "/tokens", "/v1/admin/users/" + nobody + "/tokens/" + nobody,
                "/v1/auth/tokens", "/v1/auth/tokens/" + nobody, "/v1/admin/export", "/v1/admin/import");
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            String allow = io.restassured.RestAssured.given().options(path).then().statusCode(204).extract().header("Allow");
            RequestSpecification caller = path.startsWith("/v1/admin") ? TestAccounts.asAdmin() : user.request();
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                int status = caller.request(method, path).statusCode();
                if (allow.contains(method) == (status == 405)) {
                    wrong.add(method + " " + path + " answers " + status + " where OPTIONS says " + allow);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "OPTIONS and the methods disagree: " + wrong);
    }

    @Test
    void aCsvWithoutAHeaderRowIs422AndQuotedNumbersAreNumbers() {
        refused(user.request().multiPart("csv", "n.csv", "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8))
                .multiPart("sampling_rate_hz", "100").post(IMPORT), 422)
                .body("errors.message", hasItem(containsString("not column names")));
        String id = user.request().multiPart("csv", "q.csv", "\"I\",\"II\"\n\"1\",\"-2\"\n\"3\",\"4\"\n"
                        .getBytes(StandardCharsets.UTF_8)).multiPart("sampling_rate_hz", "100").post(IMPORT)
                .then().statusCode(202).extract().path("id");
        TestEcgs.awaitFinished(user, id).body("leads.number_of_samples", everyItem(equalTo(2)));
    }

    // ---- 8: results that any valid input can produce are stored

    @Test
    void aReasonNamingSixtyFlatLeadsIsStored() {
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            leads.add(Map.of("name", String.format("FLATLEAD-%07d", i), "signal", new int[720]));
        }
        String id = TestEcgs.submit(user, Map.of("sampling_rate_hz", 360, "leads", leads));
        TestEcgs.awaitFinished(user, id).body("status", equalTo("done"))
                .body("beats.unavailable_reason", containsString("FLATLEAD-0000059"));
    }

    @Test
    void aReportCarriesAFailureReasonThatIsNullUnlessTheAnalysisFailed() {
        // (AnalysisAttemptsTest makes analyses fail and reads the reason.)
        int[] lead = {200, -200, 400};
        String id = user.request().multiPart("header", "rec.hea", ("rec 1 500 3\nrec.dat 16 200/mV 12 0 200 "
                        + checksum(lead) + " 0 I\n").getBytes(StandardCharsets.UTF_8))
                .multiPart("data", "rec.dat", encode(16, lead)).post(IMPORT).then().statusCode(202).extract().path("id");
        TestEcgs.awaitFinished(user, id).body("status", equalTo("done")).body("$", org.hamcrest.Matchers.hasKey("failure_reason"))
                .body("failure_reason", org.hamcrest.Matchers.nullValue());
    }
}
