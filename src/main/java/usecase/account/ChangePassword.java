package usecase.account;

import domain.NotFoundException;
import domain.account.Password;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.ApiTokenRepository;
import usecase.port.PasswordHasher;
import usecase.port.UserRepository;

/**
 * Sets a new password for an account. The old one stops working on the next request, and so does every
 * token issued under it: whoever knew the old password may have made them.
 */
@ApplicationScoped
public class ChangePassword {

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;

    public ChangePassword(UserRepository users, ApiTokenRepository tokens, PasswordHasher hasher) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
    }

    /** @return how many of the account's tokens were revoked */
    @Transactional
    public int execute(UUID userId, String newPassword) {
        Password password = new Password(newPassword);
        if (!users.updatePasswordHash(userId, hasher.hash(password.value()))) {
            throw new NotFoundException("no user with id " + userId);
        }
        return tokens.deleteAllOf(userId);
    }
}
