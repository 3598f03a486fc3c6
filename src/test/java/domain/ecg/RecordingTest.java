package domain.ecg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RecordingTest {

    private static final Instant DATE = Instant.parse("2024-02-29T08:30:00Z");

    private static Lead.Draft lead(String name, int... samples) {
        return new Lead.Draft(name, null, samples);
    }

    private static Recording fromDraft(Integer rate, Lead.Draft... drafts) {
        return Recording.fromDraft(DATE, rate, Arrays.asList(drafts));
    }

    /** The paths of every violation reported, in order. */
    private static List<String> violatedFields(Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        return e.violations().stream().map(InvalidInputException.Violation::field).toList();
    }

    @Test
    void buildsARecordingWithItsLeadsInOrder() {
        Recording recording = fromDraft(360, lead("MLII", 1, -2, 3), new Lead.Draft("V5", 2, new int[] {4, 5}));

        assertEquals(DATE, recording.date());
        assertEquals(360, recording.samplingRateHz());
        assertEquals(List.of("MLII", "V5"), recording.leads().stream().map(Lead::name).toList());
        assertArrayEquals(new int[] {1, -2, 3}, recording.leads().get(0).signal().toArray());
        assertEquals(2, recording.leads().get(1).numberOfSamples());
    }

    @Test
    void requiresAtLeastOneLead() {
        assertEquals(List.of("leads"), violatedFields(() -> Recording.fromDraft(DATE, 500, List.of())));
        assertEquals(List.of("leads"), violatedFields(() -> Recording.fromDraft(DATE, 500, null)));
    }

    @Test
    void rejectsTwoLeadsWithTheSameName() {
        assertEquals(List.of("leads[2].name"),
                violatedFields(() -> fromDraft(500, lead("I", 1), lead("II", 2), lead("I", 3))));
    }

    @Test
    void leadNamesAreCaseSensitive() {
        assertDoesNotThrow(() -> fromDraft(500, lead("avr", 1), lead("aVR", 2)));
    }

    @Test
    void acceptsCommonLeadNames() {
        for (String name : List.of("I", "II", "aVR", "V1", "MLII", "lead_2-b", "ABCDEFGHIJKLMNOP")) {
            assertEquals(name, fromDraft(500, lead(name, 1)).leads().get(0).name());
        }
    }

    @Test
    void rejectsLeadNamesOutsideTheAllowedPattern() {
        for (String name : List.of("", "ABCDEFGHIJKLMNOPQ", "V 1", "é", "V1!", "aVR\n")) {
            assertEquals(List.of("leads[0].name"), violatedFields(() -> fromDraft(500, lead(name, 1))),
                    "lead name '" + name + "'");
        }
    }

    @Test
    void requiresALeadName() {
        assertEquals(List.of("leads[0].name"), violatedFields(() -> fromDraft(500, lead(null, 1))));
    }

    @Test
    void rejectsAnEmptySignal() {
        assertEquals(List.of("leads[0].signal"), violatedFields(() -> fromDraft(500, lead("I"))));
    }

    @Test
    void rejectsAMissingSignal() {
        assertEquals(List.of("leads[0].signal"),
                violatedFields(() -> fromDraft(500, new Lead.Draft("I", null, null))));
    }

    @Test
    void rejectsANumberOfSamplesThatDoesNotMatchTheSignal() {
        assertEquals(List.of("leads[0].number_of_samples"),
                violatedFields(() -> fromDraft(500, new Lead.Draft("I", 4, new int[] {1, 2, 3}))));
    }

    @Test
    void acceptsANumberOfSamplesThatMatchesTheSignal() {
        assertEquals(3, fromDraft(500, new Lead.Draft("I", 3, new int[] {1, 2, 3})).leads().get(0).numberOfSamples());
    }

    @Test
    void rejectsAMissingLeadObject() {
        assertEquals(List.of("leads[1]"), violatedFields(() -> fromDraft(500, lead("I", 1), null)));
    }

    @Test
    void rejectsSamplingRatesOutside1To10000() {
        assertEquals(List.of("sampling_rate_hz"), violatedFields(() -> fromDraft(0, lead("I", 1))));
        assertEquals(List.of("sampling_rate_hz"), violatedFields(() -> fromDraft(10_001, lead("I", 1))));
        assertEquals(List.of("sampling_rate_hz"), violatedFields(() -> fromDraft(-500, lead("I", 1))));
    }

    @Test
    void acceptsSamplingRatesAtTheBoundsAndAnUnknownRate() {
        assertEquals(1, fromDraft(1, lead("I", 1)).samplingRateHz());
        assertEquals(10_000, fromDraft(10_000, lead("I", 1)).samplingRateHz());
        assertNull(fromDraft(null, lead("I", 1)).samplingRateHz());
    }

    @Test
    void reportsEveryViolationTogetherWithItsPath() {
        List<String> fields = violatedFields(() -> fromDraft(0,
                lead("I", 1, 2),
                lead("V 1", 3),
                lead("II"),
                new Lead.Draft("III", 5, new int[] {1, 2, 3}),
                lead("I", 4)));

        assertEquals(List.of(
                "sampling_rate_hz",
                "leads[1].name",
                "leads[2].signal",
                "leads[3].number_of_samples",
                "leads[4].name"), fields);
    }

    @Test
    void aRateViolationIsReportedAlongsideAMissingLeadList() {
        assertEquals(List.of("sampling_rate_hz", "leads"), violatedFields(() -> Recording.fromDraft(DATE, 0, List.of())));
    }

    @Test
    void theConstructorAppliesTheSameRules() {
        Lead i = new Lead("I", Signal.of(1));
        assertEquals(List.of("leads"), violatedFields(() -> new Recording(DATE, 500, List.of())));
        assertEquals(List.of("leads[1].name"), violatedFields(() -> new Recording(DATE, 500, List.of(i, i))));
        assertEquals(List.of("sampling_rate_hz"), violatedFields(() -> new Recording(DATE, 10_001, List.of(i))));
    }

    @Test
    void aLeadChecksItsOwnNameAndSignal() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Lead("V 1", Signal.of()));

        assertEquals(List.of("name", "signal"),
                e.violations().stream().map(InvalidInputException.Violation::field).toList());
    }
}
