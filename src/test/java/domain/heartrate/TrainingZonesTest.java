package domain.heartrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrainingZonesTest {

    private static final Duration GAP = Duration.ofSeconds(30);

    private static TrainingZones.Times zones(TrainingZones.Parameters parameters, int stepSeconds, int... bpm) {
        TrainingZones zones = new TrainingZones(parameters);
        for (int i = 0; i < bpm.length; i++) {
            zones.add(1_700_000_000_000L + i * stepSeconds * 1000L, bpm[i]);
        }
        return zones.result();
    }

    private static TrainingZones.Parameters fox(int age) {
        return new TrainingZones.Parameters(age, null, TrainingZones.Method.PERCENT_MAX, TrainingZones.MaxFormula.FOX, GAP);
    }

    @Test
    void theIssueExampleSpendsTenFiveAndTenSecondsInZonesOneToThree() {
        TrainingZones.Times times = zones(fox(30), 5, 90, 100, 120, 130, 140, 160);
        assertArrayEquals(new double[] {10, 5, 10, 0, 0}, times.zoneSeconds());
        assertEquals(25, times.totalSeconds());
        assertEquals(0, times.belowSeconds());
        assertEquals(123.33, times.averageBpm(), 0.01);
    }

    @Test
    void aHundredReadingsAreNotCapped() {
        int[] bpm = new int[100];
        java.util.Arrays.fill(bpm, 120);
        TrainingZones.Times times = zones(fox(30), 5, bpm);
        assertArrayEquals(new double[] {0, 495, 0, 0, 0}, times.zoneSeconds());
        assertEquals(495, times.totalSeconds());
    }

    @Test
    void aMeanExactlyOnABoundBelongsToTheUpperZone() {
        // age 20, Fox: 200 bpm; 60 % = 120 bpm exactly; 90 % = 180
        assertArrayEquals(new double[] {0, 5, 0, 0, 0}, zones(fox(20), 5, 120, 120).zoneSeconds());
        assertArrayEquals(new double[] {5, 0, 0, 0, 0}, zones(fox(20), 5, 119, 120).zoneSeconds()); // mean 119.5
        assertArrayEquals(new double[] {0, 0, 0, 0, 5}, zones(fox(20), 5, 180, 180).zoneSeconds());
        assertEquals(5, zones(fox(20), 5, 99, 100).belowSeconds()); // mean 99.5 < 50 % = 100
    }

    @Test
    void zoneFiveTakesEverythingFromNinetyPercentUp() {
        assertArrayEquals(new double[] {0, 0, 0, 0, 10}, zones(fox(60), 5, 170, 175, 180).zoneSeconds()); // max 160
    }

    @Test
    void intervalsLongerThanTheGapAreNotCounted() {
        TrainingZones zones = new TrainingZones(fox(30));
        zones.add(0, 120);
        zones.add(30_000, 120); // exactly the gap: counted
        zones.add(61_000, 120); // 31 s: not counted
        zones.add(66_000, 120);
        TrainingZones.Times times = zones.result();
        assertEquals(35, times.zoneSeconds()[1]);
        assertEquals(35, times.totalSeconds());
    }

    @Test
    void tanakaAndKarvonenUseTheirOwnMaximumAndReserve() {
        // Tanaka, age 40: 208 - 28 = 180; 120 bpm = 66.7 % -> zone 2
        TrainingZones.Parameters tanaka = new TrainingZones.Parameters(40, null, TrainingZones.Method.PERCENT_MAX,
                TrainingZones.MaxFormula.TANAKA, GAP);
        assertEquals(5, zones(tanaka, 5, 120, 120).zoneSeconds()[1]);
        assertEquals(180, tanaka.maxBpm());
        // Karvonen, age 30 (Fox 190), rest 60: reserve 130; 125 bpm = 50 % of reserve -> zone 1; 124 -> below
        TrainingZones.Parameters karvonen = new TrainingZones.Parameters(30, 60, TrainingZones.Method.KARVONEN,
                TrainingZones.MaxFormula.FOX, GAP);
        assertEquals(5, zones(karvonen, 5, 125, 125).zoneSeconds()[0]);
        assertEquals(5, zones(karvonen, 5, 124, 124).belowSeconds());
    }

    @Test
    void fewerThanTwoReadingsAreRefused() {
        TrainingZones zones = new TrainingZones(fox(30));
        zones.add(0, 120);
        InvalidInputException e = assertThrows(InvalidInputException.class, zones::result);
        assertEquals("readings", e.violations().get(0).field());
    }

    @Test
    void parametersAreChecked() {
        assertThrows(InvalidInputException.class, () -> fox(0));
        assertThrows(InvalidInputException.class, () -> fox(121));
        assertThrows(InvalidInputException.class, () -> new TrainingZones.Parameters(30, null,
                TrainingZones.Method.KARVONEN, TrainingZones.MaxFormula.FOX, GAP));
        assertThrows(InvalidInputException.class, () -> new TrainingZones.Parameters(30, 190,
                TrainingZones.Method.KARVONEN, TrainingZones.MaxFormula.FOX, GAP)); // not below HRmax
        new TrainingZones.Parameters(30, 189, TrainingZones.Method.KARVONEN, TrainingZones.MaxFormula.FOX, GAP);
    }
}
