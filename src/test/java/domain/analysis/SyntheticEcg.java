package domain.analysis;

import domain.ecg.Lead;
import domain.ecg.Recording;
import domain.ecg.Signal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic ECGs in microvolts: P-QRS-T complexes made of Gaussian waves at chosen beat times,
 * with optional ventricular beats (wide, inverted, no P wave), white noise and baseline wander.
 */
public final class SyntheticEcg {

    private final int rate;
    private final double seconds;
    private final List<double[]> beats = new ArrayList<>(); // {time s, 1 = ventricular}
    private double noiseUv;
    private double wanderUv;
    private double amplitude = 1;
    private long seed = 42;
    private final List<double[]> fibrillation = new ArrayList<>(); // {from s, to s, Hz}
    private final List<double[]> noPWaves = new ArrayList<>(); // {from s, to s}
    private double spikeUv;
    private double spikeS;

    private SyntheticEcg(int rate, double seconds) {
        this.rate = rate;
        this.seconds = seconds;
    }

    public static SyntheticEcg of(int rate, double seconds) {
        return new SyntheticEcg(rate, seconds);
    }

    /** Beats at a constant rate from 0.5 s on. */
    public SyntheticEcg regular(double bpm) {
        for (double t = 0.5; t < seconds - 0.5; t += 60 / bpm) {
            beats.add(new double[] {t, 0});
        }
        return this;
    }

    /** Beats after the given RR intervals (s), starting at 0.5 s. */
    public SyntheticEcg intervals(double... rr) {
        double t = 0.5;
        beats.add(new double[] {t, 0});
        for (double interval : rr) {
            t += interval;
            if (t < seconds - 0.5) {
                beats.add(new double[] {t, 0});
            }
        }
        return this;
    }

    /** Makes every {@code n}-th beat (1-based) a ventricular premature beat at {@code prematurity} of its RR. */
    public SyntheticEcg ventricularEvery(int n, double prematurity) {
        for (int i = n - 1; i < beats.size() - 1; i += n) {
            double previous = beats.get(i - 1)[0];
            beats.get(i)[0] = previous + prematurity * (beats.get(i)[0] - previous);
            beats.get(i)[1] = 1;
        }
        return this;
    }

    /** Makes beat {@code index} ventricular without moving it. */
    public SyntheticEcg ventricular(int index) {
        beats.get(index)[1] = 1;
        return this;
    }

    /**
     * Ventricular flutter/fibrillation from {@code from} to {@code to} s: the beats there are replaced by
     * a wave of about {@code hz} (frequency and amplitude drifting a little, as real VF does), 1 mV peak.
     */
    public SyntheticEcg fibrillation(double from, double to, double hz) {
        beats.removeIf(b -> b[0] > from - 0.3 && b[0] < to + 0.1);
        fibrillation.add(new double[] {from, to, hz});
        return this;
    }

    /**
     * Atrial fibrillation from {@code from} to {@code to} s: the beats there lose their P waves, and
     * fibrillatory waves (5–7 Hz, about 50 µV, changing phase) take their place. Give the irregular
     * intervals with {@link #intervals}.
     */
    public SyntheticEcg withoutPWaves(double from, double to) {
        noPWaves.add(new double[] {from, to});
        return this;
    }

    /**
     * Every beat paced: a pacing spike of {@code spikeUv} lasting {@code spikeS} s, 40 ms before a wide
     * complex with no P wave (ventricular pacing).
     */
    public SyntheticEcg paced(double spikeUv, double spikeS) {
        this.spikeUv = spikeUv;
        this.spikeS = spikeS;
        for (double[] beat : beats) {
            beat[1] = 2;
        }
        return this;
    }

    public SyntheticEcg noise(double uv) {
        this.noiseUv = uv;
        return this;
    }

    public SyntheticEcg wander(double uv) {
        this.wanderUv = uv;
        return this;
    }

    public SyntheticEcg amplitude(double scale) {
        this.amplitude = scale;
        return this;
    }

    public SyntheticEcg seed(long seed) {
        this.seed = seed;
        return this;
    }

    public double[] beatTimes() {
        return beats.stream().mapToDouble(b -> b[0]).toArray();
    }

    boolean[] ventricular() {
        boolean[] out = new boolean[beats.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = beats.get(i)[1] == 1;
        }
        return out;
    }

    public int[] samples() {
        int n = (int) Math.round(seconds * rate);
        double[] x = new double[n];
        for (double[] beat : beats) {
            if (beat[1] == 2) {
                int spikeFrom = (int) Math.round((beat[0] - 0.04) * rate);
                int spikeSamples = Math.max(1, (int) Math.round(spikeS * rate));
                for (int i = spikeFrom; i < spikeFrom + spikeSamples && i < n; i++) {
                    x[i] += spikeUv;
                }
                wave(x, beat[0], 1300, 0.030);
                wave(x, beat[0] + 0.32, -400, 0.060);
            } else if (beat[1] == 0) {
                if (!inside(noPWaves, beat[0])) {
                    wave(x, beat[0] - 0.20, 150, 0.025);
                }
                wave(x, beat[0] - 0.03, -120, 0.008);
                wave(x, beat[0], 1200, 0.010);
                wave(x, beat[0] + 0.03, -250, 0.008);
                wave(x, beat[0] + 0.25, 300, 0.045);
            } else {
                wave(x, beat[0], -1400, 0.035);
                wave(x, beat[0] + 0.30, 450, 0.060);
            }
        }
        Random random = new Random(seed);
        for (double[] span : fibrillation) {
            double phase = 0;
            for (int i = (int) (span[0] * rate); i < Math.min(n, (int) (span[1] * rate)); i++) {
                double t = (double) i / rate;
                phase += 2 * Math.PI * span[2] * (1 + 0.1 * Math.sin(2 * Math.PI * 0.3 * t)) / rate;
                x[i] += 1000 * (0.8 + 0.2 * Math.sin(2 * Math.PI * 0.5 * t)) * Math.sin(phase);
            }
        }
        for (double[] span : noPWaves) {
            double phase = 0;
            double hz = 6;
            for (int i = (int) (span[0] * rate); i < Math.min(n, (int) (span[1] * rate)); i++) {
                if (i % (rate / 4) == 0) {
                    hz = 5 + 2 * random.nextDouble();
                }
                phase += 2 * Math.PI * hz / rate;
                x[i] += 50 * Math.sin(phase);
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double v = amplitude * x[i] + noiseUv * random.nextGaussian() + wanderUv * Math.sin(2 * Math.PI * 0.3 * t);
            out[i] = (int) Math.round(v);
        }
        return out;
    }

    private static boolean inside(List<double[]> spans, double t) {
        return spans.stream().anyMatch(span -> t >= span[0] && t < span[1]);
    }

    private void wave(double[] x, double centre, double amplitudeUv, double width) {
        int from = Math.max(0, (int) ((centre - 5 * width) * rate));
        int to = Math.min(x.length - 1, (int) ((centre + 5 * width) * rate));
        for (int i = from; i <= to; i++) {
            double d = ((double) i / rate - centre) / width;
            x[i] += amplitudeUv * Math.exp(-0.5 * d * d);
        }
    }

    /** White Gaussian noise alone: no beats at all. */
    static int[] noiseOnly(int samples, double uv, long seed) {
        Random random = new Random(seed);
        int[] out = new int[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (int) Math.round(uv * random.nextGaussian());
        }
        return out;
    }

    Signal signal() {
        return Signal.wrap(samples());
    }

    Recording recording(String... leadNames) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < leadNames.length; i++) {
            leads.add(new Lead(leadNames[i], seed(seed + i).signal()));
        }
        return new Recording(null, rate, leads);
    }

    static Recording recording(int rate, Signal... signals) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < signals.length; i++) {
            leads.add(new Lead("L" + (i + 1), signals[i]));
        }
        return new Recording(null, rate, leads);
    }

    /** Runs the service's analyzers in order, as the analysis use case does. */
    static AnalysisReport analyse(Recording recording) {
        List<AnalysisResult> results = new ArrayList<>();
        for (Analyzer analyzer : List.of(new SignalQualityAnalyzer(), new VentricularFibrillationAnalyzer(),
                new BeatDetector(), new HeartRateAnalyzer(),
                new HrvAnalyzer(), new RhythmAnalyzer(), new ZeroCrossingAnalyzer())) {
            results.add(analyzer.analyse(recording, new AnalysisReport(results)));
        }
        return new AnalysisReport(results);
    }

    /** How many expected beat times have a detection within 50 ms, and how many detections have none. */
    static int[] matches(double[] expected, Beats beats) {
        boolean[] used = new boolean[beats.count()];
        int found = 0;
        for (double t : expected) {
            for (int i = 0; i < beats.count(); i++) {
                if (!used[i] && Math.abs(beats.timeSeconds(i) - t) <= 0.05) {
                    used[i] = true;
                    found++;
                    break;
                }
            }
        }
        int extra = 0;
        for (boolean u : used) {
            extra += u ? 0 : 1;
        }
        return new int[] {found, extra};
    }

    static double[] constant(int count, double rr) {
        double[] out = new double[count];
        Arrays.fill(out, rr);
        return out;
    }
}
