package adapters.fileformat.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeadNamesTest {

    private static List<String> names(String... descriptions) {
        LeadNames names = new LeadNames();
        return IntStream.range(0, descriptions.length).mapToObj(i -> names.next(descriptions[i], i)).toList();
    }

    @Test
    void keepsValidNames() {
        assertEquals(List.of("MLII", "V5", "aVR", "lead_1", "x-y"), names("MLII", "V5", "aVR", "lead_1", "x-y"));
    }

    @Test
    void replacesRunsOfOtherCharactersWithOneUnderscoreAndTrimsThem() {
        assertEquals(List.of("ECG_lead_II", "V1", "I_mV"), names("ECG lead II", " (V1) ", "I [mV]"));
    }

    @Test
    void cutsToSixteenCharacters() {
        assertEquals(List.of("abcdefghijklmnop", "abcdefghijklmno"), names("abcdefghijklmnopqrstuvwxyz", "abcdefghijklmno p"));
    }

    @Test
    void emptyOrUnusableDescriptionsBecomeSigN() {
        assertEquals(List.of("sig0", "sig1", "sig2"), names("", null, "µ°"));
    }

    @Test
    void duplicatesGetNumberedSuffixesWithinSixteenCharacters() {
        assertEquals(List.of("II", "II_2", "II_3", "abcdefghijklmnop", "abcdefghijklmn_2"),
                names("II", "II", "II", "abcdefghijklmnopq", "abcdefghijklmnopr"));
    }

    @Test
    void aSuffixedNameNeverCollidesWithALaterOrEarlierOne() {
        assertEquals(List.of("II_2", "II", "II_3"), names("II_2", "II", "II"));
    }
}
