package usecase.account;

import domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/** Revokes one of a user's tokens, or all of them; a revoked token stops working on the next request. */
@ApplicationScoped
public class RevokeApiToken {

    private final ApiTokenRepository tokens;

    public RevokeApiToken(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Transactional
    public void execute(UUID userId, UUID tokenId) {
        if (!tokens.delete(tokenId, userId)) {
            throw new NotFoundException("no token with id " + tokenId);
        }
    }

    /** @return how many were revoked */
    @Transactional
    public int all(UUID userId) {
        return tokens.deleteAllOf(userId);
    }
}
