package usecase.account;

import domain.account.Role;
import domain.account.User;
import java.util.UUID;

/**
 * Who is calling, once their credentials checked out.
 *
 * @param withPassword whether the caller proved their password on this request (rather than a token)
 */
public record AuthenticatedUser(UUID id, String username, Role role, boolean withPassword) {

    static AuthenticatedUser of(User user, boolean withPassword) {
        return new AuthenticatedUser(user.id(), user.username().value(), user.role(), withPassword);
    }
}
