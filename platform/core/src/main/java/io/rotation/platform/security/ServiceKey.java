package io.rotation.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared secret that services, and only services, present on internal calls ({@code
 * /internal/...}, header {@value #HEADER}; ROTATION_INTERNAL_SERVICE_KEY from a Secret). A user's
 * token is no such key: internal endpoints answer 401 to it. The gateway never routes /internal.
 * Outside dev and test the service refuses to start with a key shorter than {@value #MIN_LENGTH}.
 */
@ApplicationScoped
public class ServiceKey {

    public static final String HEADER = "X-Rotation-Service-Key";
    static final int MIN_LENGTH = 32;

    private final Optional<String> key;

    public ServiceKey(@ConfigProperty(name = "rotation.internal.service-key") Optional<String> key) {
        this.key = key.filter(k -> !k.isBlank());
    }

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && key.isPresent() && key.get().length() < MIN_LENGTH) {
            throw new IllegalStateException("ROTATION_INTERNAL_SERVICE_KEY (rotation.internal.service-key) must be "
                    + "at least " + MIN_LENGTH + " characters");
        }
    }

    /** The key to send on internal calls; empty when none is configured (internal calls then fail). */
    public Optional<String> value() {
        return key;
    }

    /** Throws a 401 problem unless {@code presented} is the key (compared in constant time). */
    public void require(String presented) {
        if (key.isEmpty() || presented == null || !MessageDigest.isEqual(
                key.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "internal endpoint: services only");
        }
    }
}
