package usecase.port;

/**
 * A signal of the file that was not imported because it is not a voltage (blood pressure in mmHg,
 * respiration, ...): an ECG holds only leads.
 *
 * @param index       zero-based position of the signal in the file
 * @param description the file's description of it, as written
 * @param units       its units, as written
 */
public record SkippedSignal(int index, String description, String units) {
}
