package usecase.port;

import domain.account.ApiToken;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API tokens are kept, by the hash of their secret. */
public interface ApiTokenRepository {

    void add(ApiToken token);

    Optional<ApiToken> findBySecretHash(String secretHash);

    List<ApiToken> listByUser(UUID userId);

    boolean delete(UUID id, UUID userId);
}
