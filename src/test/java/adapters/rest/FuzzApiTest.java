package adapters.rest;

import static adapters.fileformat.wfdb.WfdbFiles.checksum;
import static adapters.fileformat.wfdb.WfdbFiles.encode;
import static adapters.rest.TestAccounts.asAdmin;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A few thousand mutated requests of every kind the API takes: JSON bodies, CSV and WFDB files, archives
 * and multipart forms, with random bytes, truncations, huge and deep values and lying sizes. None may
 * answer 5xx; every error is a problem without internals; afterwards the service is healthy, another
 * user's data is exactly as before, and a normal submission still goes through. The suite runs in a heap
 * of 512 MiB, so a request whose memory is not bounded fails it. The mutations are random but seeded
 * ({@code -Dfuzz.seed} to replay another run), so a failure can be replayed.
 */
@QuarkusTest
class FuzzApiTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    private static final String[] TOKENS = {"null", "\"x\"", "1e999", "-0", "[", "]", "{", "}", ",", ":", "\"\\u0000\"",
        "2147483648", "-2147483649", "3.5", "true", "\"\"", "\"leads\"", "\"signal\"", "\"id\"", "\"date\"",
        "\"sampling_rate_hz\"", "\"number_of_samples\"", "\"name\"", "\"+999999999-12-31T23:59:59Z\"",
        "\"" + UUID.randomUUID() + "\"", "9".repeat(1_200), "[".repeat(1_500), "\"" + "a".repeat(60_000) + "\"",
        "{\"a\":" + "{\"a\":".repeat(200), "\"\\ud800\"", "NaN", "Infinity"};

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private TestEcgs.Witness victim;
    private TestAccounts.User attacker;
    private String attackersEcg;
    private int requests;

    @BeforeEach
    void victimAndAttacker() {
        victim = TestEcgs.Witness.create("victim");
        attacker = TestAccounts.newUser("fuzzer");
        attackersEcg = TestEcgs.submit(attacker, TestEcgs.example());
    }

    @Test
    void mutatedRequestsOfEveryKindAnswer4xxProblemsOrSucceedAndHarmNobody() {
        for (int i = 0; i < 900; i++) {
            String body = mutate(validSubmission());
            send("JSON ECG #" + i, () -> random.nextInt(4) == 0
                    ? attacker.request().contentType(ContentType.JSON).body(bytes(body)).put("/v1/ecgs/" + attackersEcg)
                    : attacker.request().contentType(ContentType.JSON).body(bytes(body)).post("/v1/ecgs"));
        }
        for (int i = 0; i < 150; i++) {
            String body = mutate("{\"name\":\"fuzz\",\"ttl_seconds\":3600}");
            send("JSON token #" + i, () -> attacker.request().contentType(ContentType.JSON).body(bytes(body))
                    .post("/v1/auth/tokens"));
            String user = mutate("{\"username\":\"fz-" + i + "-" + random.nextInt(1_000_000) + "\",\"password\":\"password-" + i + "\"}");
            send("JSON user #" + i, () -> asAdmin().contentType(ContentType.JSON).body(bytes(user)).post("/v1/admin/users"));
        }
        for (int i = 0; i < 450; i++) {
            byte[] csv = mutate(validCsv().getBytes(StandardCharsets.UTF_8));
            byte[] file = random.nextInt(3) == 0 ? lyingGzip(csv) : csv;
            send("CSV #" + i, () -> withRandomFields(attacker.request().multiPart("csv", "f.csv", file)).post("/v1/ecgs/import"));
        }
        for (int i = 0; i < 450; i++) {
            int[] lead = {200, -200, 400, -400, 0, 1};
            String header = mutate("rec 1 500 6 13:05:09 23/11/2026\nrec.dat 16 200(0)/mV 12 0 200 " + checksum(lead) + " 0 I\n");
            byte[] data = mutate(encode(16, lead));
            send("WFDB #" + i, () -> withRandomFields(attacker.request()
                    .multiPart("header", "rec.hea", bytes(header))
                    .multiPart("data", random.nextBoolean() ? "rec.dat" : "x" + random.nextInt(9) + ".dat", data))
                    .post("/v1/ecgs/import"));
        }
        for (int i = 0; i < 250; i++) {
            byte[] archive = random.nextInt(4) == 0 ? mutate(gzip(validArchive())) : gzip(mutate(validArchive()));
            send("archive #" + i, () -> asAdmin().contentType("application/gzip").body(archive).post("/v1/admin/import"));
        }
        for (int i = 0; i < 250; i++) {
            String boundary = random.nextBoolean() ? "xyz" : "b" + random.nextInt(1000);
            byte[] body = mutate(("--xyz\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"e.csv\"\r\n\r\nI\n1\n2\n"
                    + "\r\n--xyz\r\nContent-Disposition: form-data; name=\"sampling_rate_hz\"\r\n\r\n100\r\n--xyz--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            send("multipart #" + i, () -> attacker.request().contentType("multipart/form-data; boundary=" + boundary)
                    .body(body).post("/v1/ecgs/import"));
        }

        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests were answered badly (seed "
                + SEED + "): " + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        victim.assertUnchanged();
        TestEcgs.awaitFinished(attacker, TestEcgs.submit(attacker, TestEcgs.example()))
                .body("status", org.hamcrest.Matchers.equalTo("done"));
    }

    private void send(String what, Supplier<Response> request) {
        requests++;
        Response response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            failures.add(what + ": no answer (" + e + ")");
            return;
        }
        int status = response.statusCode();
        String body = response.asString();
        if (status >= 500) {
            failures.add(what + ": " + status + " " + shorten(body));
        } else if (status >= 400 && (!String.valueOf(response.contentType()).startsWith("application/problem+json")
                || body.contains("Exception") || body.contains("\tat ") || body.contains("org.") || body.contains("SQL"))) {
            failures.add(what + ": " + status + " not a clean problem: " + response.contentType() + " " + shorten(body));
        }
    }

    private RequestSpecification withRandomFields(RequestSpecification request) {
        String[] values = {"", "100", "-1", "0", "99999999999999999999", "abc", "360", "mV", "V", "uV", "µV",
            "2026-11-23T08:30:00Z", "+999999999-12-31T23:59:59Z", UUID.randomUUID().toString(), "x".repeat(5_000)};
        for (String field : new String[] {"sampling_rate_hz", "units", "date", "id"}) {
            if (random.nextInt(3) == 0) {
                request = request.multiPart(field, values[random.nextInt(values.length)]);
            }
        }
        return request;
    }

    private String validSubmission() {
        StringBuilder signal = new StringBuilder();
        for (int i = 0; i < 20 + random.nextInt(200); i++) {
            signal.append(i == 0 ? "" : ",").append(random.nextInt(2000) - 1000);
        }
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"date\":\"2026-11-23T08:30:00Z\",\"sampling_rate_hz\":360,"
                + "\"leads\":[{\"name\":\"II\",\"number_of_samples\":null,\"signal\":[" + signal + "]},"
                + "{\"name\":\"V5\",\"signal\":[" + signal + "]}]}";
    }

    private String validCsv() {
        StringBuilder csv = new StringBuilder(random.nextBoolean() ? "time,I,II\n" : "I;II\n");
        boolean time = csv.charAt(0) == 't';
        for (int row = 0; row < 10 + random.nextInt(50); row++) {
            csv.append(time ? String.format(java.util.Locale.ROOT, "%.3f,", row / 250.0) : "")
                    .append(random.nextInt(4000) - 2000).append(time ? "," : ";").append(random.nextInt(100)).append('\n');
        }
        return csv.toString();
    }

    private String validArchive() {
        String user = UUID.randomUUID().toString();
        String name = "ar-" + random.nextInt(1_000_000);
        return "{\"format\":\"sinus-archive\",\"version\":1}\n"
                + "{\"type\":\"user\",\"id\":\"" + user + "\",\"username\":\"" + name + "\",\"password_hash\":\"$2a$10$x\","
                + "\"role\":\"USER\",\"created_at\":\"2026-01-01T00:00:00Z\"}\n"
                + "{\"type\":\"api_token\",\"id\":\"" + UUID.randomUUID() + "\",\"user_id\":\"" + user + "\",\"name\":null,"
                + "\"secret_hash\":\"" + String.format("%064x", new java.math.BigInteger(255, random)) + "\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"expires_at\":\"2026-02-01T00:00:00Z\"}\n"
                + "{\"type\":\"ecg\",\"id\":\"" + UUID.randomUUID() + "\",\"owner_id\":\"" + user + "\",\"date\":null,"
                + "\"sampling_rate_hz\":360,\"status\":\"DONE\",\"submitted_at\":\"2026-01-01T00:00:00Z\",\"analysed_at\":null,"
                + "\"revision\":0,\"leads\":[{\"name\":\"II\",\"signal\":[1,-3,5,0,-2]}]}\n"
                + "{\"type\":\"end\",\"users\":1,\"api_tokens\":1,\"ecgs\":1}\n";
    }

    /** One to three mutations of the text. */
    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int m = 1 + random.nextInt(3); m > 0 && !out.isEmpty(); m--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(6)) {
                case 0 -> out.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
                case 2 -> out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 3 -> out.setLength(at);
                case 4 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(200))));
                default -> out.insert(at, (char) random.nextInt(0x3000));
            }
        }
        return out.toString();
    }

    /** One to three mutations of the bytes. */
    private byte[] mutate(byte[] content) {
        byte[] out = content.clone();
        for (int m = 1 + random.nextInt(3); m > 0 && out.length > 0; m--) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = java.util.Arrays.copyOf(out, at);
                case 2 -> {
                    byte[] longer = java.util.Arrays.copyOf(out, out.length + 1 + random.nextInt(5_000));
                    for (int i = out.length; i < longer.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    out = longer;
                }
                default -> out[at] ^= (byte) (1 << random.nextInt(8));
            }
        }
        return out;
    }

    /** gzip whose trailer claims up to 4 GiB of content. */
    private byte[] lyingGzip(byte[] content) {
        byte[] zipped = gzip(content);
        for (int i = zipped.length - 4; i < zipped.length; i++) {
            zipped[i] = (byte) random.nextInt(256);
        }
        return zipped;
    }

    private static byte[] gzip(String text) {
        return gzip(bytes(text));
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
