package adapters.rest;

import static adapters.fileformat.wfdb.WfdbFiles.checksum;
import static adapters.fileformat.wfdb.WfdbFiles.encode;
import static adapters.rest.TestAccounts.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adapters.fileformat.wfdb.WfdbFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/ecgs/import: WFDB records and CSV files become ECGs; every bad file is a 4xx that stores nothing. */
@QuarkusTest
class EcgImportApiTest {

    private static final String IMPORT = "/v1/ecgs/import";
    private static final Path UPLOADS = Path.of("target/test-uploads");

    // Two leads at 500 Hz, format 16: I in mV with gain 200 over baseline 0; II in uV.
    private static final int[] LEAD_I = {200, -200, 400, -400, 0, 1};
    private static final int[] LEAD_II = {5, 5, -5, -5, 5, 5};
    private static final String HEADER = "rec 2 500 6 13:05:09 23/11/2026\n"
            + "rec.dat 16 200(0)/mV 12 0 200 " + checksum(LEAD_I) + " 0 I\n"
            + "rec.dat 16 1/uV 12 0 5 " + checksum(LEAD_II) + " 0 II\n";
    private static final byte[] DATA = encode(16, LEAD_I, LEAD_II);

    private TestEcgs.Witness stored;
    private TestAccounts.User user;
    private String storedId;

    @BeforeEach
    void storeOneEcg() {
        stored = TestEcgs.Witness.create("importer");
        user = stored.user();
        storedId = stored.id();
    }

    private RequestSpecification form() {
        return user.request();
    }

    private static RequestSpecification wfdb(RequestSpecification request, String header, byte[] data) {
        return request.multiPart("header", "rec.hea", header.getBytes(StandardCharsets.UTF_8))
                .multiPart("data", "rec.dat", data);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes(text));
        }
        return out.toByteArray();
    }

    private static String accepted(Response response) {
        String id = response.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("pending")).extract().path("id");
        response.then().header("Location", endsWith("/v1/ecgs/" + id));
        return id;
    }

    /** A refused import: problem+json with a clear detail and no internals, and the user's ECGs untouched. */
    private ValidatableResponse refused(Response response, int status) {
        ValidatableResponse problem = response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString(".java")))
                .body(not(containsString("resteasy")));
        assertStoredUnchanged();
        return problem;
    }

    private ValidatableResponse invalid(Response response, String field, String message) {
        return refused(response, 422).body("errors.field", hasItem(field))
                .body("errors.message", hasItem(containsString(message)));
    }

    private void assertStoredUnchanged() {
        stored.assertUnchanged();
    }

    @Test
    void wfdbRecordIsImportedInMicrovoltsAndAnalysed() {
        Response response = wfdb(form(), HEADER, DATA).post(IMPORT);
        String id = accepted(response);
        response.then()
                .body("leads", contains("I", "II"))
                .body("samples_per_lead", equalTo(6))
                .body("sampling_rate_hz", equalTo(500))
                .body("date", equalTo("2026-11-23T13:05:09Z"))
                .body("skipped_signals", empty());

        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("sampling_rate_hz", equalTo(500))
                .body("date", equalTo("2026-11-23T13:05:09Z"))
                .body("leads.name", contains("I", "II"))
                .body("leads.number_of_samples", contains(6, 6))
                // I in uV: 1000, -1000, 2000, -2000, 0, 5 -> 3 crossings; II: 5, 5, -5, -5, 5, 5 -> 2
                .body("leads.zero_crossings", contains(3, 2));
    }

    @Test
    void signalsThatAreNoVoltageAreSkippedAndReported() {
        int[] pressure = {80, 120};
        int[] ecg = {1, -1};
        String header = "rec 2 125 2\nrec.dat 16 1/mmHg 12 0 80 " + checksum(pressure) + " 0 ABP\n"
                + "rec.dat 16 1/uV 12 0 1 0 0 ECG\n";
        String id = accepted(wfdb(form(), header, encode(16, pressure, ecg)).post(IMPORT));

        user.request().get("/v1/ecgs/" + id).then().body("leads.name", contains("ECG"));
        wfdb(form(), header, encode(16, pressure, ecg)).post(IMPORT).then().statusCode(202)
                .body("skipped_signals.index", contains(0))
                .body("skipped_signals.description", contains("ABP"))
                .body("skipped_signals.units", contains("mmHg"));
    }

    @Test
    void mitBihRecord100IsImportedAndAnalysedLikeItsReferenceAnnotations() {
        Path data = WfdbFiles.realData();
        String id = accepted(form().multiPart("header", data.resolve("100.hea").toFile())
                .multiPart("data", data.resolve("100.dat").toFile()).post(IMPORT));

        TestEcgs.awaitFinished(user, id)
                .body("status", equalTo("done"))
                .body("sampling_rate_hz", equalTo(360))
                .body("date", nullValue())
                .body("leads.name", contains("MLII", "V5"))
                .body("leads.number_of_samples", contains(650_000, 650_000))
                // the cardiologists annotated 2,273 beats; the mean rate over 30:05 is 75.5 bpm
                .body("beats.count", equalTo(2273))
                .body("heart_rate.mean_bpm", TestEcgs.near(75.5, 0.5))
                .body("hrv.sdnn_ms", notNullValue())
                .body("hrv.lf_hf_ratio", notNullValue())
                .body("findings.items.kind", hasItem("premature_beats"))
                .body("leads.quality.verdict", contains("good", "good"));
        user.request().get("/v1/ecgs/" + id + "/beats").then()
                .body("beats[0].sample", TestEcgs.near(77, 5)) // the reference's first beat, ±14 ms
                .body("beats.findAll { it.type == 'S' }.size()", equalTo(33));
    }

    @Test
    void gzippedCsvOfRecord100IsImported() {
        Path csv = WfdbFiles.realData().resolve("100.csv.gz");
        Response response = form().multiPart("csv", csv.toFile()).multiPart("sampling_rate_hz", "360").post(IMPORT);
        String id = accepted(response);
        response.then().body("leads", contains("MLII", "V5")).body("samples_per_lead", equalTo(650_000));

        TestEcgs.awaitFinished(user, id).body("status", equalTo("done"))
                .body("leads.number_of_samples", contains(650_000, 650_000));
    }

    @Test
    void csvWithTimeColumnAndMillivoltsIsImported() {
        String csv = "time,V1,V2\n0.000,0.5,-1\n0.004,-0.5,-1\n0.008,0.25,-1\n";
        Response response = form().multiPart("csv", "ecg.csv", bytes(csv)).multiPart("units", "mV").post(IMPORT);
        String id = accepted(response);
        response.then().body("sampling_rate_hz", equalTo(250)).body("samples_per_lead", equalTo(3))
                .body("date", nullValue());

        TestEcgs.awaitFinished(user, id)
                .body("sampling_rate_hz", equalTo(250))
                .body("leads.name", contains("V1", "V2"))
                .body("leads.zero_crossings", contains(2, 0));
    }

    @Test
    void csvWithoutRateIsStoredWithoutOne() throws IOException {
        String id = accepted(form().multiPart("csv", "x.bin", gzip("I;II\n1;2\n3;4\n")).post(IMPORT));

        TestEcgs.awaitFinished(user, id).body("sampling_rate_hz", nullValue()).body("leads.name", contains("I", "II"));
    }

    @Test
    void clientIdAndDateAreUsedAndATakenIdIsAConflict() {
        String id = UUID.randomUUID().toString();
        Response response = wfdb(form(), HEADER, DATA).multiPart("id", id)
                .multiPart("date", "2026-01-02T03:04:05+01:00").post(IMPORT);
        assertEquals(id, accepted(response));
        response.then().body("date", equalTo("2026-01-02T02:04:05Z"));
        user.request().get("/v1/ecgs/" + id).then().body("date", equalTo("2026-01-02T02:04:05Z"));

        wfdb(form(), HEADER, DATA).multiPart("id", id).post(IMPORT).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(id));
        user.request().get("/v1/ecgs").then().body("total_items", equalTo(2));
    }

    @Test
    void dataPartsAreMatchedToTheHeaderByFileName() {
        int[] a = {1, -1};
        int[] b = {2, -2};
        String header = "rec 2 100 2\na.dat 16 1/uV\nb.dat 80 1/uV\n";
        String id = accepted(form().multiPart("header", "rec.hea", bytes(header))
                .multiPart("data", "b.dat", encode(80, b)).multiPart("data", "a.dat", encode(16, a)).post(IMPORT));
        user.request().get("/v1/ecgs/" + id).then().body("leads.number_of_samples", contains(2, 2));
    }

    @Test
    void anImportMayBeLargerThanTheJsonBodyLimit(@TempDir Path dir) throws IOException {
        // Over the 32 MiB limit of other bodies; the header reads 4 samples only.
        Path data = Files.write(dir.resolve("rec.dat"), new byte[33 << 20]);
        String id = accepted(form().multiPart("header", "rec.hea", bytes("rec 1 360 4\nrec.dat 16 1/uV\n"))
                .multiPart("data", data.toFile()).post(IMPORT));
        user.request().get("/v1/ecgs/" + id).then().body("leads.number_of_samples", contains(4));
    }

    @Test
    void theFormIsDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .root("paths.'/v1/ecgs/import'.post")
                .body("requestBody.content.'multipart/form-data'.schema.properties.keySet()",
                        contains("header", "data", "csv", "sampling_rate_hz", "units", "id", "date"))
                // A form field is text on the wire, so the generator lists "string" next to "integer".
                .body("requestBody.content.'multipart/form-data'.schema.properties.sampling_rate_hz.type",
                        hasItem("integer"))
                .body("responses.'202'.content.'application/json'.schema.'$ref'", endsWith("EcgImported"))
                .noRoot()
                .body("components.schemas.EcgImported.properties.keySet()", hasItem("skipped_signals"));
    }

    @Test
    void uploadsAreDeletedAfterTheRequest() throws Exception {
        refused(wfdb(form(), HEADER.replace(" 500 6", " 500 7"), DATA).post(IMPORT), 422);
        accepted(wfdb(form(), HEADER, DATA).post(IMPORT));
        assertTrue(Files.isDirectory(UPLOADS), "Quarkus spools uploads to " + UPLOADS + " in tests");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Stream<Path> files = Files.list(UPLOADS)) {
                long left = files.count();
                if (left == 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(left + " uploaded file(s) still in " + UPLOADS.toAbsolutePath());
                }
            }
            Thread.sleep(20);
        }
    }

    @Test
    void truncatedDataFileIs422() {
        invalid(wfdb(form(), HEADER, Arrays.copyOf(DATA, DATA.length - 1)).post(IMPORT),
                "data", "rec.dat is truncated: it holds 5 of 6 samples per signal");
    }

    @Test
    void checksumMismatchIs422() {
        byte[] corrupt = DATA.clone();
        corrupt[0] ^= 1;
        invalid(wfdb(form(), HEADER, corrupt).post(IMPORT), "data",
                "checksum of signal I does not match the header: the data file is corrupt or belongs to another record");
    }

    @Test
    void unsupportedStorageFormatIs422() {
        invalid(wfdb(form(), "rec 1 360\nrec.dat 310 200 12 0\n", new byte[12]).post(IMPORT), "header",
                "line 2: storage format 310 is not supported (supported: 16, 61, 80, 212)");
    }

    @Test
    void multiSegmentRecordIs422() {
        invalid(wfdb(form(), "rec/2 1 360 10\nseg1 5\nseg2 5\n", new byte[2]).post(IMPORT), "header",
                "multi-segment records are not supported");
    }

    @Test
    void unparseableHeaderLineIs422WithItsNumber() {
        invalid(wfdb(form(), "# made by hand\nrec 1 fast\n", new byte[2]).post(IMPORT), "header",
                "line 2: sampling frequency \"fast\" is not a positive number");
        invalid(wfdb(form(), HEADER.replace("12 0 5", "12 0 five"), DATA).post(IMPORT), "header",
                "line 3: initial value \"five\" is not an integer");
    }

    @Test
    void binaryUploadedAsHeaderIs422() {
        invalid(form().multiPart("header", "rec.dat", DATA).multiPart("data", "rec.hea", bytes(HEADER)).post(IMPORT),
                "header", "line 1:");
    }

    @Test
    void noVoltageSignalIs422() {
        invalid(wfdb(form(), "rec 1 125 2\nrec.dat 16 1/mmHg 12 0 0 0 0 ABP\n", new byte[4]).post(IMPORT), "header",
                "no signal is a voltage (ABP in mmHg)");
    }

    @Test
    void missingAndExtraDataFilesAre422NamingThem() {
        String header = "rec 2 100 1\na.dat 16 1/uV\nb.dat 16 1/uV\n";
        ValidatableResponse problem = invalid(form().multiPart("header", "rec.hea", bytes(header))
                .multiPart("data", "a.dat", new byte[2]).multiPart("data", "c.dat", new byte[2]).post(IMPORT),
                "data", "missing data file(s) b.dat");
        problem.body("errors.message", hasItem(containsString("data file(s) c.dat are not named by the header")));
        invalid(form().multiPart("header", "rec.hea", bytes(HEADER)).post(IMPORT), "data",
                "missing data file(s) rec.dat");
        invalid(form().multiPart("header", "rec.hea", bytes(header)).multiPart("data", "a.dat", new byte[2])
                .multiPart("data", "a.dat", new byte[2]).post(IMPORT), "data", "more than one data file is named a.dat");
    }

    @Test
    void dataWithoutHeaderIs422() {
        invalid(form().multiPart("data", "rec.dat", DATA).post(IMPORT), "header", "is required with data parts");
    }

    @Test
    void neitherOrBothFormatsAre422() {
        invalid(form().multiPart("id", UUID.randomUUID().toString()).post(IMPORT), "(form)",
                "send either a WFDB record (parts header and data) or a CSV file (part csv)");
        invalid(wfdb(form(), HEADER, DATA).multiPart("csv", "ecg.csv", bytes("I\n1\n")).post(IMPORT), "(form)",
                "not both");
    }

    @Test
    void csvProblemsAre422WithLineAndColumn() throws IOException {
        invalid(form().multiPart("csv", "e.csv", bytes("time,I,V1\n0,1,1\n0.002,1,1\n0.004,1,1\n0.006,1,abc\n"))
                .post(IMPORT), "csv", "line 5, column V1: \"abc\" is not a number");
        invalid(form().multiPart("csv", "e.csv", bytes("I,II\n1,2\n3\n")).post(IMPORT), "csv",
                "line 3 has 1 column but the header has 2");
        invalid(form().multiPart("csv", "e.csv", new byte[0]).post(IMPORT), "csv", "the file is empty");
        invalid(form().multiPart("csv", "e.csv", bytes("I,II\n")).post(IMPORT), "csv",
                "the file has a header but no data rows");
        byte[] zipped = gzip("I\n" + "1\n".repeat(10_000));
        invalid(form().multiPart("csv", "e.csv.gz", Arrays.copyOf(zipped, zipped.length - 12)).post(IMPORT), "csv",
                "the gzip data is corrupt or truncated");
        invalid(form().multiPart("csv", "e.csv", bytes("t,I\n0,1\n0.002,1\n0.005,1\n")).post(IMPORT), "csv",
                "the time steps are not uniform");
        invalid(form().multiPart("csv", "e.csv", bytes("t,I\n0,1\n0.002,1\n")).multiPart("sampling_rate_hz", "360")
                .post(IMPORT), "sampling_rate_hz", "is 360 Hz but the time column of the CSV gives 500 Hz");
    }

    @Test
    void badFormFieldsAre422AllAtOnce() {
        ValidatableResponse problem = invalid(form().multiPart("csv", "e.csv", bytes("I\n1\n"))
                .multiPart("id", "not-a-uuid").multiPart("date", "yesterday").multiPart("units", "mmHg")
                .multiPart("sampling_rate_hz", "fast").post(IMPORT), "id", "must be a UUID");
        problem.body("errors.field", contains("id", "date", "sampling_rate_hz", "units"));
        invalid(form().multiPart("csv", "e.csv", bytes("I\n1\n")).multiPart("sampling_rate_hz", "0").post(IMPORT),
                "sampling_rate_hz", "must be between 1 and 10000");
        invalid(wfdb(form(), HEADER, DATA).multiPart("sampling_rate_hz", "360").multiPart("units", "mV").post(IMPORT),
                "sampling_rate_hz", "applies to CSV only").body("errors.field", hasItem("units"));
    }

    @Test
    void malformedMultipartBodiesAre400() {
        String part = "--xyz\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"e.csv\"\r\n";
        String[] bodies = {
            part + "\r\nI\n1\n",                                                   // no closing boundary
            "no boundary anywhere\r\n",
            part + "a header line without a colon\r\n\r\nI\n1\n\r\n--xyz--\r\n",
            part + "Content-Transfer-Encoding: base64\r\n\r\n!!!notbase64\r\n--xyz--\r\n"};
        for (String body : bodies) {
            refused(form().contentType("multipart/form-data; boundary=xyz").body(bytes(body)).post(IMPORT), 400)
                    .body("detail", containsString("not a well-formed multipart/form-data message"));
        }
    }

    @Test
    void otherMediaTypesAre415() {
        refused(form().contentType(ContentType.JSON).body(TestEcgs.example()).post(IMPORT), 415);
    }

    @Test
    void adminGets403() {
        refused(wfdb(asAdmin(), HEADER, DATA).post(IMPORT), 403);
    }

    @Test
    void anonymousGets401() {
        refused(wfdb(given(), HEADER, DATA).post(IMPORT), 401);
    }
}
