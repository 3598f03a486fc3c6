package domain.ecg;

import java.util.Optional;

/** The voltage units a file may use, each with its factor to microvolts, the unit Sinus stores. */
public enum VoltageUnit {
    MICROVOLT("uV", 1),
    MILLIVOLT("mV", 1_000),
    VOLT("V", 1_000_000);

    private final String symbol;
    private final int microvoltsPerUnit;

    VoltageUnit(String symbol, int microvoltsPerUnit) {
        this.symbol = symbol;
        this.microvoltsPerUnit = microvoltsPerUnit;
    }

    public String symbol() {
        return symbol;
    }

    public int microvoltsPerUnit() {
        return microvoltsPerUnit;
    }

    /**
     * The unit named by a WFDB header or a form field. Case matters, as in WFDB ({@code mV} is not
     * {@code MV}); the micro sign may be written {@code u}, {@code µ} (U+00B5) or {@code μ} (U+03BC).
     * Empty: nothing, so that the caller applies its own default.
     */
    public static Optional<VoltageUnit> of(String symbol) {
        return switch (symbol) {
            case "uV", "\u00b5V", "\u03bcV" -> Optional.of(MICROVOLT);
            case "mV" -> Optional.of(MILLIVOLT);
            case "V" -> Optional.of(VOLT);
            default -> Optional.empty();
        };
    }

    /**
     * Rounds to the nearest microvolt, halves away from zero. The result is outside the int range when
     * the value does not fit in a 32-bit sample; callers check with {@code (int) r != r}.
     */
    public static long round(double microvolts) {
        return (long) (microvolts < 0 ? Math.ceil(microvolts - 0.5) : Math.floor(microvolts + 0.5));
    }
}
