package usecase.port;

import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API tokens are kept, by the hash of their secret. */
public interface ApiTokenRepository {

    /** Adds the token; false if one with its id is already here. */
    boolean add(ApiToken token);

    List<ApiToken> listAll();

    /** The owner of the token with this secret hash, if it expires after {@code now}: one look-up per request. */
    Optional<User> findOwnerOfValidToken(String secretHash, Instant now);

    List<ApiToken> listByUser(UUID userId);

    boolean delete(UUID id, UUID userId);
}
