package domain.heartrate;

import domain.InvalidInputException;
import domain.Violations;
import java.time.Duration;

/**
 * Time spent in the five training zones. Zone k (1–5) starts at (40 + 10k) % of the maximum heart rate, or of the
 * heart-rate reserve (Karvonen), and includes its lower bound; zone 5 takes everything from 90 % up; below 50 % is
 * below the zones. Each interval between consecutive readings counts, in full, toward the zone of the mean of its
 * two readings; an interval longer than the gap limit (the device was off, or taken off) is not counted. There is
 * no cap on the number of intervals: readings are fed one at a time, in time order, and nothing is kept of them.
 * Bounds are compared in integers (tenths of a bpm), so a mean exactly on a bound falls in the upper zone.
 */
public final class TrainingZones {

    public enum Method { PERCENT_MAX, KARVONEN }

    public enum MaxFormula {
        /** 220 − age (Fox, Naughton and Haskell 1971). */
        FOX,
        /** 208 − 0.7 × age (Tanaka, Monahan and Seals 2001). */
        TANAKA;

        /** The maximum heart rate in tenths of a bpm. */
        int tenthsFor(int age) {
            return this == FOX ? 2200 - 10 * age : 2080 - 7 * age;
        }
    }

    /**
     * @param age         years, 1–120
     * @param restingBpm  the resting heart rate, needed by Karvonen (below the maximum); null otherwise
     * @param maxGap      intervals longer than this are not counted
     */
    public record Parameters(int age, Integer restingBpm, Method method, MaxFormula formula, Duration maxGap) {

        public Parameters {
            Violations violations = new Violations()
                    .check(age >= 1 && age <= 120, "age", "must be between 1 and 120");
            if (method == Method.KARVONEN) {
                violations.check(restingBpm != null, "resting_bpm", "is required by the Karvonen method");
                if (restingBpm != null && age >= 1 && age <= 120) {
                    violations.check(restingBpm > 0 && 10 * restingBpm < formula.tenthsFor(age), "resting_bpm",
                            "must be above 0 and below the maximum heart rate ("
                                    + formatTenths(formula.tenthsFor(age)) + " bpm)");
                }
            }
            violations.throwIfAny();
        }

        /** The maximum heart rate, bpm. */
        public double maxBpm() {
            return formula.tenthsFor(age) / 10.0;
        }
    }

    /** @param zoneSeconds seconds in zones 1–5 (index 0–4) */
    public record Times(double[] zoneSeconds, double belowSeconds, double totalSeconds, double averageBpm,
                        long readings) {
    }

    private final Parameters parameters;
    private final int maxTenths;
    private final int restTenths;
    private final long maxGapMillis;
    private final long[] zoneMillis = new long[5];
    private long belowMillis;
    private long readings;
    private long bpmSum;
    private long previousMillis;
    private int previousBpm;

    public TrainingZones(Parameters parameters) {
        this.parameters = parameters;
        this.maxTenths = parameters.formula().tenthsFor(parameters.age());
        this.restTenths = parameters.method() == Method.KARVONEN ? 10 * parameters.restingBpm() : 0;
        this.maxGapMillis = parameters.maxGap().toMillis();
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The next reading, at {@code epochMillis}, no earlier than the one before. */
    public void add(long epochMillis, int bpm) {
        if (readings > 0) {
            long interval = epochMillis - previousMillis;
            if (interval < 0) {
                throw new IllegalArgumentException("readings must come in time order");
            }
            if (interval <= maxGapMillis) {
                int zone = zoneOf(previousBpm + bpm);
                if (zone == 0) {
                    belowMillis += interval;
                } else {
                    zoneMillis[zone - 1] += interval;
                }
            }
        }
        readings++;
        bpmSum += bpm;
        previousMillis = epochMillis;
        previousBpm = bpm;
    }

    /**
     * The zone (1–5, or 0 below zone 1) of the mean of two readings whose sum is {@code bpmPair}: the mean m is in
     * zone k or above when m − rest ≥ (40 + 10k) % × (max − rest), i.e. in tenths and cleared of fractions
     * 50 × pair − 10 × rest ≥ (4 + k) × (max − rest).
     */
    private int zoneOf(int bpmPair) {
        long reserve = maxTenths - restTenths;
        long scaled = 50L * bpmPair - 10L * restTenths;
        for (int zone = 5; zone >= 1; zone--) {
            if (scaled >= (4L + zone) * reserve) {
                return zone;
            }
        }
        return 0;
    }

    /**
     * @throws InvalidInputException when fewer than two readings came: no interval, no time in any zone
     */
    public Times result() {
        if (readings < 2) {
            throw InvalidInputException.of("readings", "at least 2 readings are needed to compute time in zones ("
                    + readings + " given or found in the period)");
        }
        double[] zones = new double[5];
        long total = belowMillis;
        for (int i = 0; i < 5; i++) {
            zones[i] = zoneMillis[i] / 1000.0;
            total += zoneMillis[i];
        }
        return new Times(zones, belowMillis / 1000.0, total / 1000.0, (double) bpmSum / readings, readings);
    }

    private static String formatTenths(int tenths) {
        return tenths % 10 == 0 ? Integer.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
