package domain.account;

/** Administrators manage accounts only; users own and analyse ECGs. */
public enum Role {
    ADMIN, USER
}
