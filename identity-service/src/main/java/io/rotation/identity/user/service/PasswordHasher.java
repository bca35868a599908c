package io.rotation.identity.user.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.rotation.identity.user.model.BcryptPassword;
import io.rotation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.spec.InvalidKeySpecException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt (Elytron's implementation). Hashing is slow on purpose: call it off the event loop. */
@ApplicationScoped
public class PasswordHasher {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    private final int cost;
    /** Compared against when the login names no account, so that the answer takes as long. */
    private final String decoy;

    public PasswordHasher(@ConfigProperty(name = "rotation.password.bcrypt-cost") int cost) {
        this.cost = cost;
        this.decoy = hash("decoy password that matches nothing");
    }

    /** Refuses (400 naming password) what bcrypt would truncate, whoever calls. */
    public String hash(String password) {
        if (!BcryptPassword.Validator.fits(password)) {
            throw ProblemException.invalidField("password", "must be at most " + BcryptPassword.MAX_BYTES
                    + " bytes in UTF-8 (bcrypt's limit)");
        }
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** False for a password bcrypt would truncate: no stored hash was made from one. */
    public boolean matches(String password, String hash) {
        if (!BcryptPassword.Validator.fits(password)) {
            return false;
        }
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (InvalidKeySpecException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }

    /** Spends the time of one verification, for logins that name no account. */
    public void burnVerification(String password) {
        matches(password, decoy);
    }
}
