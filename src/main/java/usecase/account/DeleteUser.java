package usecase.account;

import domain.ConflictException;
import domain.NotFoundException;
import domain.account.Role;
import domain.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.UserRepository;

/**
 * The administrator closes a user's account, deleting everything it owns. Administrator accounts
 * cannot be deleted this way, so the service can never be left without one.
 */
@ApplicationScoped
public class DeleteUser {

    private final UserRepository users;

    public DeleteUser(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public void execute(UUID id) {
        User user = users.findById(id).orElseThrow(() -> new NotFoundException("no user with id " + id));
        if (user.role() == Role.ADMIN) {
            throw new ConflictException("administrator accounts cannot be deleted");
        }
        users.delete(id);
    }
}
