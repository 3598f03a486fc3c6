package adapters.fileformat.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import usecase.port.ReadingSeriesReader;

class HeartRateCsvReaderTest {

    private static ReadingSeriesReader.Rows read(String csv, Instant start) throws IOException {
        return new HeartRateCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), start);
    }

    private static String problem(String csv, Instant start) {
        return assertThrows(InvalidInputException.class, () -> read(csv, start)).violations().get(0).message();
    }

    @Test
    void readsTimestampsInBothFormsAndEmptyCellsAsMissing() throws IOException {
        ReadingSeriesReader.Rows rows = read("timestamp,bpm\r\n2026-12-01T08:00:00Z,70\n\n1796112001,\n"
                + "2026-12-01T09:00:02+01:00,72\n", null);
        assertEquals(3, rows.size());
        long t0 = Instant.parse("2026-12-01T08:00:00Z").toEpochMilli();
        assertArrayEquals(new long[] {t0, t0 + 1000, t0 + 2000}, Arrays.copyOf(rows.epochMillis(), 3));
        assertArrayEquals(new int[] {70, ReadingSeriesReader.MISSING, 72}, Arrays.copyOf(rows.bpm(), 3));
        assertArrayEquals(new int[] {2, 4, 5}, Arrays.copyOf(rows.lines(), 3));
    }

    @Test
    void readsSecondsSinceTheGivenStartInAnyColumnOrder() throws IOException {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        ReadingSeriesReader.Rows rows = read("bpm,seconds,note\n70,0,a\n71,1.5,b\n", start);
        assertEquals(start.plusMillis(1500).toEpochMilli(), rows.epochMillis()[1]);
        assertEquals(71, rows.bpm()[1]);
    }

    @Test
    void namesTheLineOfWhateverIsNotAReading() {
        assertTrue(problem("timestamp,bpm\n2026-12-01T08:00:00Z,70\n2026-12-01T08:00:01Z,seventy\n", null)
                .startsWith("line 3 bpm 'seventy'"));
        assertTrue(problem("timestamp,bpm\n2026-12-01T08:00:00,70\n", null).startsWith("line 2 timestamp"));
        assertTrue(problem("timestamp,bpm\n2026-12-01T08:00:00Z\n", null).startsWith("line 2 has 1 cells"));
        assertTrue(problem("time,value\n1,2\n", null).startsWith("line 1 is not a header"));
        assertTrue(problem("timestamp,bpm\n,70\n", null).startsWith("line 2 has no timestamp"));
        assertTrue(problem("", null).startsWith("is empty"));
        assertTrue(problem("x".repeat(5000), null).startsWith("line 1 is longer"));
        assertTrue(problem("seconds,bpm\n0,70\n", null).contains("seconds,bpm"));
    }
}
