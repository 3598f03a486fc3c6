package domain.ecg;

/** Where an ECG is in its analysis: every submission starts {@link #PENDING} and ends in one of the other two. */
public enum EcgStatus {
    PENDING, DONE, FAILED
}
