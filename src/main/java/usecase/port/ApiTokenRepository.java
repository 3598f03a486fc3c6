package usecase.port;

import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API tokens are kept, by the hash of their secret. */
public interface ApiTokenRepository {

    /** Adds the token; false if one with its id or secret is already here. */
    boolean add(ApiToken token);

    /** Whether a token with this id, or with this secret hash, is here. */
    boolean exists(UUID id, String secretHash);

    List<ApiToken> listAll();

    /** The owner of the token with this secret hash, if it expires after {@code now}: one look-up per request. */
    Optional<User> findOwnerOfValidToken(String secretHash, Instant now);

    List<ApiToken> listByUser(UUID userId);

    Optional<ApiToken> find(UUID id, UUID userId);

    boolean delete(UUID id, UUID userId);

    /** Revokes every token of the user; returns how many there were. */
    int deleteAllOf(UUID userId);
}
