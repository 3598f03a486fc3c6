package adapters.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import domain.account.ApiToken;
import domain.account.User;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of accounts and API tokens. Passwords and token secrets only ever travel inwards, except a new token's secret, once. */
final class AccountJson {

    private AccountJson() {
    }

    @Schema(name = "NewUser")
    record NewUser(@Schema(required = true, description = "3-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'",
                           example = "alice") String username,
                   @Schema(required = true, description = "At least 8 characters", example = "correct-horse-battery")
                   String password) {
        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    @Schema(name = "NewPassword")
    record NewPassword(@Schema(required = true, description = "At least 8 characters") String password) {
        @Override
        public String toString() {
            return "NewPassword[***]";
        }
    }

    @RegisterForReflection
    @Schema(name = "User")
    record UserOut(UUID id, String username, @Schema(enumeration = {"admin", "user"}) String role,
                   @JsonProperty("created_at") Instant createdAt) {

        static UserOut of(User user) {
            return new UserOut(user.id(), user.username().value(), user.role().name().toLowerCase(Locale.ROOT),
                    user.createdAt());
        }
    }

    @Schema(name = "NewApiToken")
    record NewToken(@Schema(description = "A label for the token, e.g. the client's name") String name,
                    @JsonProperty("ttl_seconds") @Schema(description = "Lifetime; default 30 days, at most 365 days")
                    Long ttlSeconds) {
    }

    @Schema(name = "ApiToken")
    record TokenOut(UUID id, String name, @JsonProperty("created_at") Instant createdAt,
                    @JsonProperty("expires_at") Instant expiresAt) {

        static TokenOut of(ApiToken token) {
            return new TokenOut(token.id(), token.name(), token.createdAt(), token.expiresAt());
        }
    }

    @RegisterForReflection
    @Schema(name = "IssuedApiToken", description = "The token secret is shown only in this response.")
    record IssuedToken(UUID id, String name, @Schema(description = "Send as 'Authorization: Bearer <token>'") String token,
                       @JsonProperty("created_at") Instant createdAt, @JsonProperty("expires_at") Instant expiresAt) {
    }
}
