package usecase.account;

import domain.account.Role;
import domain.account.User;
import java.util.UUID;

/** Who is calling, once their credentials checked out. */
public record AuthenticatedUser(UUID id, String username, Role role) {

    static AuthenticatedUser of(User user) {
        return new AuthenticatedUser(user.id(), user.username().value(), user.role());
    }
}
