package usecase.port;

import domain.account.ApiToken;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API tokens are kept, by the hash of their secret. */
public interface ApiTokenRepository {

    /** Adds the token; false if one with its id is already here. */
    boolean add(ApiToken token);

    List<ApiToken> listAll();

    Optional<ApiToken> findBySecretHash(String secretHash);

    List<ApiToken> listByUser(UUID userId);

    boolean delete(UUID id, UUID userId);
}
