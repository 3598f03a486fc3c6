package usecase.account;

import domain.account.ApiToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import usecase.port.ApiTokenRepository;

/** The caller's own tokens, without their secrets. */
@ApplicationScoped
public class ListApiTokens {

    private final ApiTokenRepository tokens;

    public ListApiTokens(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    public List<ApiToken> execute(UUID userId) {
        return tokens.listByUser(userId);
    }
}
