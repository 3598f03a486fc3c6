package usecase.port;

/**
 * A deliberately slow, salted one-way password hash (bcrypt, Argon2id, ...). Implementations bound the
 * work they do at once, so that password checks cannot take every core: when too many are waiting,
 * {@link #verify} throws {@link Saturated} rather than queue without limit.
 */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);

    /** Too many password checks are running or waiting; the caller should try again shortly. */
    final class Saturated extends RuntimeException {
        public Saturated() {
            super("too many password checks are in progress", null, false, false);
        }
    }
}
