package adapters.http;

import adapters.config.SinusConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import usecase.account.AuthenticatedUser;

/**
 * The dashboard's sign-in session, held by the browser alone: a cookie {@value #NAME} whose value is the user's id,
 * a stamp of their password and the session's end, encrypted and authenticated with AES-256-GCM under
 * {@code sinus.security.session-key}. No session store: every instance with the same key accepts it, and it cannot
 * be forged, read or extended without the key. {@code HttpOnly} (no script reads it), {@code SameSite=Strict}
 * (no other site's page sends it), {@code Secure} whenever the request came over HTTPS (directly or by a proxy that
 * says so), with the session's lifetime as its {@code Max-Age}.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "sinus_session";
    /** The header the page sends with every request; a page of another origin cannot send it (CORS is off). */
    public static final String CSRF_HEADER = "X-Sinus-Csrf";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** What a valid cookie says. */
    public record Session(UUID userId, String passwordStamp) {
    }

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SessionCookies(SinusConfig config, Clock clock) {
        this.lifetime = config.security().sessionLifetime();
        this.clock = clock;
        byte[] secret = new byte[32];
        Optional<String> configured = config.security().sessionKey();
        if (configured.isPresent()) {
            if (configured.get().length() < 32) {
                throw new IllegalArgumentException("sinus.security.session-key must be at least 32 characters");
            }
            secret = sha256(configured.get().getBytes(StandardCharsets.UTF_8));
        } else {
            random.nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, "AES");
    }

    public Cookie issue(AuthenticatedUser user, HttpServerRequest request) {
        byte[] stamp = user.passwordStamp().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer plain = ByteBuffer.allocate(16 + 8 + stamp.length);
        plain.putLong(user.id().getMostSignificantBits()).putLong(user.id().getLeastSignificantBits());
        plain.putLong(clock.instant().toEpochMilli() + lifetime.toMillis()).put(stamp);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, plain.array());
        byte[] value = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        return cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(value), request)
                .setMaxAge(lifetime.toSeconds());
    }

    /** A cookie that makes the browser forget the session. */
    public Cookie cleared(HttpServerRequest request) {
        return cookie("", request).setMaxAge(0);
    }

    /** The session the request's cookie holds, if it has a valid one that has not ended. */
    public Optional<Session> open(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 512) {
            return Optional.empty();
        }
        try {
            byte[] value = Base64.getUrlDecoder().decode(cookie.getValue());
            if (value.length <= IV_BYTES + 16 + 8) {
                return Optional.empty();
            }
            byte[] iv = java.util.Arrays.copyOf(value, IV_BYTES);
            ByteBuffer plain = ByteBuffer.wrap(crypt(Cipher.DECRYPT_MODE, iv,
                    java.util.Arrays.copyOfRange(value, IV_BYTES, value.length)));
            UUID id = new UUID(plain.getLong(), plain.getLong());
            if (plain.getLong() <= clock.instant().toEpochMilli()) {
                return Optional.empty();
            }
            byte[] stamp = new byte[plain.remaining()];
            plain.get(stamp);
            return Optional.of(new Session(id, new String(stamp, StandardCharsets.US_ASCII)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty(); // not base64, or not sealed with this key
        }
    }

    public static boolean carriesSession(HttpServerRequest request) {
        return request.getCookie(NAME) != null;
    }

    private static Cookie cookie(String value, HttpServerRequest request) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto")));
    }

    private byte[] crypt(int mode, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(NAME.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("not sealed with this key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
