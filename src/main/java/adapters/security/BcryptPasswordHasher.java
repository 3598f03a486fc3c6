package adapters.security;

import adapters.config.SinusConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.spec.InvalidKeySpecException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;
import usecase.port.PasswordHasher;

/** bcrypt through Elytron, stored in Modular Crypt Format ({@code $2a$12$...}). */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    private static final int MIN_COST = 10;
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();

    private final int cost;

    BcryptPasswordHasher(SinusConfig config) {
        this.cost = config.security().bcryptCost();
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("sinus.security.bcrypt-cost must be between " + MIN_COST + " and 31");
        }
    }

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException | java.security.InvalidKeyException e) {
            return false; // an unreadable stored hash never matches
        }
    }
}
