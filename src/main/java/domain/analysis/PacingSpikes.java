package domain.analysis;

import domain.ecg.Signal;
import java.util.Arrays;

/**
 * Finds pacemaker stimulus artifacts and takes them out of the signal. A pacing pulse lasts 0.1–2 ms
 * (IEC 60601-2-25 and AAMI EC11 specify electrocardiographs to show pulses from 0.1 to 2 ms and 2 to
 * 700 mV at the electrodes); on the surface ECG it is a spike of a few millivolts that rises within
 * 2 ms and falls back within about 4 ms, tens of times steeper than any QRS complex (whose slopes stay
 * below about 0.1 mV/ms). A spike here is a deflection of at least {@value #MIN_UV} µV within 2 ms
 * that comes at least half way back within the next 4 ms. Recordings below {@value #MIN_RATE_HZ} Hz
 * cannot resolve such pulses and are not searched.
 */
final class PacingSpikes {

    static final int MIN_UV = 1000;
    static final int MIN_RATE_HZ = 250;
    private static final double RISE_S = 0.002;
    private static final double FALL_S = 0.004;
    private static final double REFRACTORY_S = 0.010;

    private PacingSpikes() {
    }

    /** The sample positions of the spikes on any of the leads, ascending and at least 10 ms apart. */
    static int[] find(Signal[] signals, int rate) {
        if (rate < MIN_RATE_HZ) {
            return new int[0];
        }
        int rise = Math.max(1, (int) Math.round(RISE_S * rate));
        int fall = Math.max(1, (int) Math.round(FALL_S * rate));
        int refractory = (int) Math.round(REFRACTORY_S * rate);
        int[] found = new int[16];
        int count = 0;
        for (Signal signal : signals) {
            int last = -refractory - 1;
            for (int i = rise; i < signal.length() - fall; i++) {
                if (i - last > refractory && spike(signal, i, rise, fall)) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                    last = i;
                }
            }
        }
        int[] spikes = Arrays.copyOf(found, count);
        Arrays.sort(spikes);
        int kept = 0;
        for (int s : spikes) {
            if (kept == 0 || s - spikes[kept - 1] > refractory) {
                spikes[kept++] = s;
            }
        }
        return Arrays.copyOf(spikes, kept);
    }

    private static boolean spike(Signal signal, int i, int rise, int fall) {
        int up = signal.get(i) - signal.get(i - rise);
        if (Math.abs(up) < MIN_UV || Math.abs(signal.get(i) - signal.get(i - 1)) < MIN_UV / 2) {
            return false; // the first sample of the spike's top: it has just jumped
        }
        for (int m = 1; m <= fall; m++) {
            int back = signal.get(i) - signal.get(i + m);
            if (Integer.signum(back) == Integer.signum(up) && 2 * Math.abs(back) >= Math.abs(up)) {
                return true;
            }
        }
        return false;
    }

    /** The signal with each spike's samples (2 ms before to 4 ms after its tip) replaced by a straight line. */
    static Signal blanked(Signal signal, int[] spikes, int rate) {
        if (spikes.length == 0) {
            return signal;
        }
        int before = Math.max(1, (int) Math.round(RISE_S * rate)) + 1;
        int after = Math.max(1, (int) Math.round(FALL_S * rate)) + 1;
        int[] samples = signal.toArray();
        for (int s : spikes) {
            int from = Math.max(0, s - before);
            int to = Math.min(samples.length - 1, s + after);
            for (int j = from + 1; j < to; j++) {
                samples[j] = samples[from] + (int) ((long) (samples[to] - samples[from]) * (j - from) / (to - from));
            }
        }
        return Signal.wrap(samples);
    }
}
