package usecase.port;

import domain.account.User;
import domain.account.Username;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where accounts are kept. */
public interface UserRepository {

    /** Adds the user; false if the username is taken. */
    boolean add(User user);

    Optional<User> findByUsername(Username username);

    Optional<User> findById(UUID id);

    List<User> listAll();

    /** false if there is no such user. */
    boolean updatePasswordHash(UUID id, String passwordHash);

    /** Deletes the user with everything they own (ECGs, tokens); false if there is none. */
    boolean delete(UUID id);
}
