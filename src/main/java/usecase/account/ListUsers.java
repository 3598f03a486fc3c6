package usecase.account;

import domain.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import usecase.port.UserRepository;

/** Every account, for the administrator. */
@ApplicationScoped
public class ListUsers {

    private final UserRepository users;

    public ListUsers(UserRepository users) {
        this.users = users;
    }

    public List<User> execute() {
        return users.listAll();
    }
}
