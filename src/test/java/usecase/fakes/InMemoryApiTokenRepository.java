package usecase.fakes;

import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import usecase.port.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/** Tokens in a list, looked up by the hash of their secret. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final List<ApiToken> tokens = new ArrayList<>();
    private final UserRepository users;

    /** @param users where the owners of tokens are looked up */
    public InMemoryApiTokenRepository(UserRepository users) {
        this.users = users;
    }

    @Override
    public boolean add(ApiToken token) {
        if (exists(token.id(), token.secretHash())) {
            return false;
        }
        return tokens.add(token);
    }

    @Override
    public boolean exists(UUID id, String secretHash) {
        return tokens.stream().anyMatch(t -> t.id().equals(id) || t.secretHash().equals(secretHash));
    }

    @Override
    public Optional<ApiToken> find(UUID id, UUID userId) {
        return tokens.stream().filter(t -> t.id().equals(id) && t.userId().equals(userId)).findFirst();
    }

    @Override
    public int deleteAllOf(UUID userId) {
        int before = tokens.size();
        tokens.removeIf(t -> t.userId().equals(userId));
        return before - tokens.size();
    }

    @Override
    public List<ApiToken> listAll() {
        return List.copyOf(tokens);
    }

    @Override
    public Optional<User> findOwnerOfValidToken(String secretHash, Instant now) {
        return tokens.stream().filter(t -> t.secretHash().equals(secretHash)).findFirst().filter(t -> !t.isExpiredAt(now)).flatMap(t -> users.findById(t.userId()));
    }

    @Override
    public List<ApiToken> listByUser(UUID userId) {
        return tokens.stream().filter(t -> t.userId().equals(userId)).toList();
    }

    @Override
    public boolean delete(UUID id, UUID userId) {
        return tokens.removeIf(t -> t.id().equals(id) && t.userId().equals(userId));
    }

    public List<ApiToken> all() {
        return List.copyOf(tokens);
    }
}
