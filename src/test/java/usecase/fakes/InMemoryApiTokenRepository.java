package usecase.fakes;

import domain.account.ApiToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/** Tokens in a list, looked up by the hash of their secret. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final List<ApiToken> tokens = new ArrayList<>();

    @Override
    public boolean add(ApiToken token) {
        if (tokens.stream().anyMatch(t -> t.id().equals(token.id()))) {
            return false;
        }
        return tokens.add(token);
    }

    @Override
    public List<ApiToken> listAll() {
        return List.copyOf(tokens);
    }

    @Override
    public Optional<ApiToken> findBySecretHash(String secretHash) {
        return tokens.stream().filter(t -> t.secretHash().equals(secretHash)).findFirst();
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
