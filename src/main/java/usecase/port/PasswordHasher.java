package usecase.port;

/** A deliberately slow, salted one-way password hash (bcrypt, Argon2id, ...). */
public interface PasswordHasher {

    String hash(String password);

    boolean verify(String password, String hash);
}
