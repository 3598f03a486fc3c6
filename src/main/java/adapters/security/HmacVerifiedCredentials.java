package adapters.security;

import adapters.config.SinusConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import usecase.port.VerifiedCredentials;

/**
 * Remembers successful password checks under an HMAC-SHA256 of (username, password, stored hash)
 * keyed by a random secret that lives only in this process. The clear password is never kept, a
 * memory dump does not allow an offline guess without the key, and a changed password (a new
 * stored hash) no longer matches any entry.
 */
@ApplicationScoped
public class HmacVerifiedCredentials implements VerifiedCredentials {

    private final SecretKeySpec key;
    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();

    HmacVerifiedCredentials(SinusConfig config) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttlNanos = config.security().credentialCacheTtl().toNanos();
        this.maxEntries = config.security().credentialCacheSize();
    }

    @Override
    public boolean contains(String username, String password, String storedHash) {
        String fingerprint = fingerprint(username, password, storedHash);
        Long expiry = expiries.get(fingerprint);
        if (expiry == null) {
            return false;
        }
        if (System.nanoTime() - expiry >= 0) {
            expiries.remove(fingerprint, expiry);
            return false;
        }
        return true;
    }

    @Override
    public void remember(String username, String password, String storedHash) {
        if (ttlNanos <= 0) {
            return;
        }
        if (expiries.size() >= maxEntries) {
            long now = System.nanoTime();
            expiries.values().removeIf(expiry -> now - expiry >= 0);
            if (expiries.size() >= maxEntries) {
                expiries.clear(); // the cache only saves time; dropping it is always safe
            }
        }
        expiries.put(fingerprint(username, password, storedHash), System.nanoTime() + ttlNanos);
    }

    private String fingerprint(String username, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (String part : new String[] {username, password, storedHash}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8), (byte) bytes.length});
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required on every Java platform", e);
        }
    }
}
