package usecase.account;

import domain.NotFoundException;
import domain.account.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/** A user's tokens, without their secrets: their own, or any user's for the administrator. */
@ApplicationScoped
public class ListApiTokens {

    private final ApiTokenRepository tokens;

    public ListApiTokens(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    public List<ApiToken> execute(UUID userId) {
        return tokens.listByUser(userId);
    }

    public ApiToken one(UUID userId, UUID tokenId) {
        return tokens.find(tokenId, userId).orElseThrow(() -> new NotFoundException("no token with id " + tokenId));
    }
}
