package domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisReportTest {

    private record EcgHeartRate(int bpm) implements AnalysisResult {
    }

    private record BeatCount(int beats) implements AnalysisResult {
    }

    private final ZeroCrossings crossings = new ZeroCrossings(List.of(new ZeroCrossings.LeadCount("I", 4)));

    @Test
    void findsTheResultOfTheRequestedType() {
        AnalysisReport report = new AnalysisReport(List.of(new EcgHeartRate(72), crossings));

        assertEquals(Optional.of(crossings), report.find(ZeroCrossings.class));
        assertEquals(Optional.of(new EcgHeartRate(72)), report.find(EcgHeartRate.class));
    }

    @Test
    void findsNothingWhenNoAnalyzerProducedThatType() {
        AnalysisReport report = new AnalysisReport(List.of(crossings));

        assertTrue(report.find(BeatCount.class).isEmpty());
    }

    @Test
    void findReturnsTheFirstOfSeveralResultsOfTheSameType() {
        AnalysisReport report = new AnalysisReport(List.of(new EcgHeartRate(60), new EcgHeartRate(90)));

        assertEquals(Optional.of(new EcgHeartRate(60)), report.find(EcgHeartRate.class));
    }

    @Test
    void laterChangesToTheGivenListDoNotAlterTheReport() {
        List<AnalysisResult> results = new ArrayList<>(List.of(crossings));
        AnalysisReport report = new AnalysisReport(results);

        results.add(new EcgHeartRate(72));

        assertEquals(List.of(crossings), report.results());
        assertThrows(UnsupportedOperationException.class, () -> report.results().add(new EcgHeartRate(1)));
    }
}
