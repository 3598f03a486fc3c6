package domain.analysis;

import java.util.Objects;

/**
 * A rhythm finding and the time span where it holds, in seconds from the start of the recording.
 *
 * @param beats  how many beats the span covers (for premature beats: how many premature beats)
 * @param detail a short human-readable qualification, e.g. "ventricular", "RR 2.4 s", "mean 48 bpm"
 */
public record Finding(Kind kind, double startS, double endS, int beats, String detail) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (endS < startS) {
            throw new IllegalArgumentException("a finding cannot end before it starts");
        }
    }

    public enum Kind {
        /** Sustained rate below 60 bpm. */
        BRADYCARDIA,
        /** Sustained rate above 100 bpm. */
        TACHYCARDIA,
        /** An RR interval longer than 2 s. */
        PAUSE,
        /** RR intervals irregular in the way atrial fibrillation makes them (Dash et al. 2009), for less than 30 s. */
        IRREGULAR_RHYTHM,
        /** Irregular RR intervals without P waves for at least 30 s. */
        ATRIAL_FIBRILLATION,
        /** Premature beats, grouped while no more than two regular beats separate them. */
        PREMATURE_BEATS,
        /** Ventricular flutter or fibrillation: no organised QRS complexes, a life-threatening rhythm. */
        VENTRICULAR_FLUTTER_FIBRILLATION(true),
        /** Beats triggered by a pacemaker. */
        PACED_RHYTHM;

        private final boolean critical;

        Kind() {
            this(false);
        }

        Kind(boolean critical) {
            this.critical = critical;
        }

        /** Whether the finding calls for immediate attention. */
        public boolean critical() {
            return critical;
        }
    }
}
