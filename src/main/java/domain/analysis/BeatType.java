package domain.analysis;

/** Beat classes after ANSI/AAMI EC57, with their one-letter codes. */
public enum BeatType {
    /** Normal or other beats of the dominant morphology at the expected time. */
    NORMAL('N'),
    /** Early, with the dominant (narrow) morphology: atrial or junctional premature beats. */
    SUPRAVENTRICULAR_PREMATURE('S'),
    /** A morphology clearly unlike the dominant one, early or wide: premature ventricular contractions. */
    VENTRICULAR_PREMATURE('V'),
    /** A fusion of a ventricular and a normal beat: a shape between the two, at about the expected time. */
    FUSION('F'),
    /** Triggered by a pacemaker stimulus (a pacing spike just before it). */
    PACED('P'),
    /** Too close to the record's edge or too unlike anything to classify. */
    UNCLASSIFIED('Q');

    private final char code;

    BeatType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static BeatType ofCode(char code) {
        for (BeatType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("no beat type with code " + code);
    }

    public boolean premature() {
        return this == SUPRAVENTRICULAR_PREMATURE || this == VENTRICULAR_PREMATURE;
    }
}
