package domain.analysis;

/**
 * Heart rate over the recording. The mean is beats per minute over all RR intervals; minimum and
 * maximum are of the rate from the median of 8 consecutive RR intervals, so one premature beat or one
 * pause does not make the extreme.
 *
 * @param unavailableReason null when the values are there
 */
public record EcgHeartRate(Double meanBpm, Double minBpm, Double maxBpm, int rrIntervals, String unavailableReason)
        implements AnalysisResult {

    public static EcgHeartRate unavailable(String reason) {
        return new EcgHeartRate(null, null, null, 0, reason);
    }

    public boolean available() {
        return unavailableReason == null;
    }
}
