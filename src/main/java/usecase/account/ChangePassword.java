package usecase.account;

import domain.NotFoundException;
import domain.account.Password;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.PasswordHasher;
import usecase.port.UserRepository;

/** Sets a new password for an account; the old one stops working on the next request. */
@ApplicationScoped
public class ChangePassword {

    private final UserRepository users;
    private final PasswordHasher hasher;

    public ChangePassword(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    @Transactional
    public void execute(UUID userId, String newPassword) {
        Password password = new Password(newPassword);
        if (!users.updatePasswordHash(userId, hasher.hash(password.value()))) {
            throw new NotFoundException("no user with id " + userId);
        }
    }
}
