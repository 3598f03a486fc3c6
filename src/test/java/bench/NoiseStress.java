package bench;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Noisy copies of a recording for a noise stress test. The signal-to-noise ratio is calibrated per lead
 * the way the MIT-BIH Noise Stress Test Database does: signal power S = (mean peak-to-peak amplitude of
 * the reference beats' QRS, within ±50 ms of each fiducial point)² / 8, noise power N = the noise's
 * variance, and the noise is scaled so that 10 log10(S / N) is the level's SNR. The noise is added to the
 * lead's integer samples, rounded and clamped to the int range. It repeats from run to run: each record's
 * noise comes from a {@link Random} seeded with a constant and the record's name, so it does not depend on
 * the other records in the folder.
 */
final class NoiseStress {

    /** The kinds of noise added. */
    enum Noise {
        /** White Gaussian noise. */
        WHITE("white"),
        /** Baseline wander: a few sinusoids of 0.05–0.5 Hz plus a slow mean-reverting random walk. */
        WANDER("wander");

        private final String label;

        Noise(String label) {
            this.label = label;
        }
    }

    /** A kind of noise at one signal-to-noise ratio. */
    record Level(Noise noise, double snrDb) {

        String label() {
            return String.format(Locale.ROOT, "%s %.0f dB", noise.label, snrDb);
        }
    }

    static final List<Level> LEVELS = List.of(new Level(Noise.WHITE, 12), new Level(Noise.WHITE, 6),
            new Level(Noise.WANDER, 12), new Level(Noise.WANDER, 6));
    private static final long SEED = 0x5EED_EC57L;
    private static final double QRS_HALF_WINDOW_S = 0.050;
    private static final int WANDER_SINUSOIDS = 4;
    private static final double WANDER_MIN_HZ = 0.05;
    private static final double WANDER_MAX_HZ = 0.5;
    /** Time constant of the random walk's pull back to zero, which keeps it from drifting off. */
    private static final double WALK_TIME_CONSTANT_S = 10;

    private final Recording recording;
    private final double[] signalPower;
    /** Per noise kind and lead, zero-mean unit-variance noise as long as the lead. */
    private final double[][][] unitNoise;

    /** @param referenceBeats the reference beats' samples, which calibrate the signal power */
    NoiseStress(Recording recording, int[] referenceBeats, String record) {
        this.recording = recording;
        int rate = recording.samplingRateHz();
        int leads = recording.leads().size();
        Random random = new Random(SEED + record.hashCode());
        signalPower = new double[leads];
        unitNoise = new double[Noise.values().length][leads][];
        for (int lead = 0; lead < leads; lead++) {
            int[] samples = recording.leads().get(lead).signal().toArray();
            signalPower[lead] = signalPower(samples, referenceBeats, (int) Math.round(QRS_HALF_WINDOW_S * rate));
            unitNoise[Noise.WHITE.ordinal()][lead] = whiteNoise(samples.length, random);
            unitNoise[Noise.WANDER.ordinal()][lead] = baselineWander(samples.length, rate, random);
        }
    }

    /** The recording with the level's noise added to every lead. */
    Recording noisy(Level level) {
        List<Lead> leads = new ArrayList<>();
        for (int lead = 0; lead < recording.leads().size(); lead++) {
            Lead clean = recording.leads().get(lead);
            double scale = Math.sqrt(signalPower[lead] / Math.pow(10, level.snrDb() / 10));
            double[] noise = unitNoise[level.noise().ordinal()][lead];
            int[] samples = new int[clean.numberOfSamples()];
            for (int i = 0; i < samples.length; i++) {
                long value = Math.round(clean.signal().get(i) + scale * noise[i]);
                samples[i] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
            }
            leads.add(new Lead(clean.name(), Signal.wrap(samples)));
        }
        return new Recording(recording.date(), recording.samplingRateHz(), leads);
    }

    /** (mean QRS peak-to-peak amplitude)² / 8; 0 without beats. */
    static double signalPower(int[] samples, int[] beats, int halfWindow) {
        double sum = 0;
        int measured = 0;
        for (int beat : beats) {
            int from = Math.max(0, beat - halfWindow);
            int to = Math.min(samples.length - 1, beat + halfWindow);
            if (from > to) {
                continue;
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = from; i <= to; i++) {
                min = Math.min(min, samples[i]);
                max = Math.max(max, samples[i]);
            }
            sum += (double) max - min;
            measured++;
        }
        double amplitude = measured == 0 ? 0 : sum / measured;
        return amplitude * amplitude / 8;
    }

    private static double[] whiteNoise(int length, Random random) {
        double[] noise = new double[length];
        for (int i = 0; i < length; i++) {
            noise[i] = random.nextGaussian();
        }
        return standardise(noise);
    }

    /** Sinusoids of random frequency, phase and amplitude plus an equally strong random walk. */
    private static double[] baselineWander(int length, int rate, Random random) {
        double[] sines = new double[length];
        for (int k = 0; k < WANDER_SINUSOIDS; k++) {
            double step = 2 * Math.PI * (WANDER_MIN_HZ + (WANDER_MAX_HZ - WANDER_MIN_HZ) * random.nextDouble()) / rate;
            double phase = 2 * Math.PI * random.nextDouble();
            double amplitude = 0.5 + random.nextDouble();
            for (int i = 0; i < length; i++) {
                sines[i] += amplitude * Math.sin(phase + step * i);
            }
        }
        standardise(sines);
        double[] walk = new double[length];
        double keep = 1 - 1 / (WALK_TIME_CONSTANT_S * rate);
        for (int i = 0; i < length; i++) {
            walk[i] = (i == 0 ? 0 : keep * walk[i - 1]) + random.nextGaussian();
        }
        standardise(walk);
        for (int i = 0; i < length; i++) {
            sines[i] += walk[i];
        }
        return standardise(sines);
    }

    /** Shifts and scales the values in place to mean 0 and variance 1. */
    private static double[] standardise(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (double v : values) {
            variance += (v - mean) * (v - mean);
        }
        double deviation = Math.sqrt(variance / values.length);
        for (int i = 0; i < values.length; i++) {
            values[i] = deviation == 0 ? 0 : (values[i] - mean) / deviation;
        }
        return values;
    }
}
