package adapters.security;

import adapters.config.SinusConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.spec.InvalidKeySpecException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;
import usecase.port.PasswordHasher;

/**
 * bcrypt through Elytron, stored in Modular Crypt Format ({@code $2a$12$...}). At most
 * {@code sinus.security.password-check-concurrency} hashes run at once (half the cores by default), and
 * at most {@code sinus.security.password-check-queue} more wait: a flood of password guesses then takes
 * one core, not all of them, and never every request thread.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    private static final int MIN_COST = 10;
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final int cost;
    private final Semaphore running;
    private final int maxWaiting;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int concurrency;

    @Inject
    BcryptPasswordHasher(SinusConfig config) {
        this(config.security().bcryptCost(), config.security().passwordCheckConcurrency()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)), config.security().passwordCheckQueue());
    }

    BcryptPasswordHasher(int cost, int concurrency, int maxWaiting) {
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("sinus.security.bcrypt-cost must be between " + MIN_COST + " and 31");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("sinus.security.password-check-concurrency must be at least 1");
        }
        this.cost = cost;
        this.concurrency = concurrency;
        this.running = new Semaphore(concurrency, true);
        this.maxWaiting = Math.max(0, maxWaiting);
    }

    @Override
    public String hash(String password) {
        return bounded(() -> BcryptUtil.bcryptHash(password, cost));
    }

    @Override
    public boolean verify(String password, String hash) {
        return bounded(() -> matches(password, hash));
    }

    private <T> T bounded(Supplier<T> work) {
        if (admitted.incrementAndGet() > concurrency + maxWaiting) {
            admitted.decrementAndGet();
            throw new Saturated();
        }
        try {
            running.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                running.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    private static boolean matches(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            return false; // an unreadable stored hash never matches
        }
    }
}
