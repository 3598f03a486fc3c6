package usecase.account;

import domain.account.Role;
import domain.account.User;
import java.util.UUID;

/**
 * Who is calling, once their credentials checked out.
 *
 * @param withPassword whether the caller proved their password on this request (rather than a token)
 * @param passwordStamp changes whenever the password does: a session made with the old one ends with it
 */
public record AuthenticatedUser(UUID id, String username, Role role, boolean withPassword, String passwordStamp) {

    static AuthenticatedUser of(User user, boolean withPassword) {
        return new AuthenticatedUser(user.id(), user.username().value(), user.role(), withPassword,
                stamp(user.passwordHash()));
    }

    /** A digest of the stored hash (never the hash itself), for sessions to compare. */
    static String stamp(String passwordHash) {
        return IssueApiToken.hashSecret("session:" + passwordHash).substring(0, 24);
    }
}
