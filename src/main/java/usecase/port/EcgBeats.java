package usecase.port;

import domain.analysis.Beats;
import domain.ecg.EcgStatus;

/**
 * The beats of one ECG as stored.
 *
 * @param beats null until the analysis is done
 */
public record EcgBeats(EcgStatus status, Beats beats) {
}
