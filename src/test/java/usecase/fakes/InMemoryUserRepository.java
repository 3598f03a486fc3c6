package usecase.fakes;

import domain.account.User;
import domain.account.Username;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import usecase.port.UserRepository;

/** Accounts in a map; usernames are unique, as the port requires. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UUID, User> byId = new LinkedHashMap<>();
    private User racing;

    /** The next {@link #add} finds that {@code other} was added a moment before it, as by another instance. */
    public void addConcurrentlyWithTheNextAdd(User other) {
        racing = other;
    }

    @Override
    public boolean add(User user) {
        if (racing != null) {
            byId.put(racing.id(), racing);
            racing = null;
        }
        if (findByUsername(user.username()).isPresent()) {
            return false;
        }
        byId.put(user.id(), user);
        return true;
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return byId.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<User> listAll() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public boolean delete(UUID id) {
        return byId.remove(id) != null;
    }

    @Override
    public boolean updatePasswordHash(UUID id, String passwordHash) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        byId.put(id, new User(id, user.username(), passwordHash, user.role(), user.createdAt()));
        return true;
    }

    public int size() {
        return byId.size();
    }
}
