package domain.analysis;

import java.util.Objects;

/**
 * How fit one lead is for analysis, judged over consecutive 2-second windows.
 *
 * @param flatFraction    share of windows with (almost) no signal: a disconnected or dead electrode
 * @param clippedFraction share of windows that sit at the lead's extreme value for 20 ms or more: a saturated amplifier
 * @param noisyFraction   share of windows whose band-passed signal lacks the peaky shape of QRS complexes (kurtosis below 5)
 * @param usable          false when half or more of the windows are unfit (unless it is the least noisy lead of a
 *                        recording whose every lead is unfit); such a lead takes no part in beat detection
 */
public record LeadQuality(String lead, Verdict verdict, double flatFraction, double clippedFraction,
                          double noisyFraction, boolean usable) {

    public LeadQuality {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(verdict, "verdict");
    }

    public enum Verdict { GOOD, NOISY, FLAT, CLIPPED }
}
