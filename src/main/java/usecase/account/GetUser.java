package usecase.account;

import domain.NotFoundException;
import domain.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import usecase.port.UserRepository;

/** One account, for the administrator. */
@ApplicationScoped
public class GetUser {

    private final UserRepository users;

    public GetUser(UserRepository users) {
        this.users = users;
    }

    public User execute(UUID id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("no user with id " + id));
    }
}
