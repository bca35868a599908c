package io.rotation.identity.user.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with a weak first-admin password ({@link AdminPasswordPolicy}) unless the
 * service runs in a local set-up: the dev or test profile, or {@code rotation.environment}
 * ({@code ROTATION_ENVIRONMENT}) set to {@code local}, {@code dev} or {@code test} — which
 * {@code ./rotation} exports for the services it starts. Anything else, unset included, counts as
 * production. Runs before {@link AdminAccount} creates the account.
 */
@ApplicationScoped
public class AdminPasswordCheck {

    static final Set<String> LOCAL_ENVIRONMENTS = Set.of("local", "dev", "test");

    private final Optional<String> username;
    private final Optional<String> password;
    private final String environment;
    private final LaunchMode mode;

    public AdminPasswordCheck(@ConfigProperty(name = "rotation.admin.username") Optional<String> username,
                              @ConfigProperty(name = "rotation.admin.password") Optional<String> password,
                              @ConfigProperty(name = "rotation.environment", defaultValue = "production")
                              String environment) {
        this(username, password, environment, LaunchMode.current());
    }

    AdminPasswordCheck(Optional<String> username, Optional<String> password, String environment, LaunchMode mode) {
        this.username = username;
        this.password = password;
        this.environment = environment == null ? "production" : environment.trim().toLowerCase(Locale.ROOT);
        this.mode = mode;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check();
    }

    /** Throws, failing start-up, when a weak admin password is configured outside a local set-up. */
    void check() {
        if (isLocal() || username.isEmpty() || password.isEmpty()) {
            return;
        }
        AdminPasswordPolicy.weakness(username.get(), password.get()).ifPresent(why -> {
            throw new IllegalStateException("ROTATION_ADMIN_PASSWORD is too weak for the '" + environment
                    + "' environment (" + why + "): set one of at least " + AdminPasswordPolicy.MIN_LENGTH
                    + " characters that is neither common nor the username. Weak admin passwords are accepted"
                    + " only with ROTATION_ENVIRONMENT=local (set by ./rotation).");
        });
    }

    boolean isLocal() {
        return mode == LaunchMode.DEVELOPMENT || mode == LaunchMode.TEST || LOCAL_ENVIRONMENTS.contains(environment);
    }
}
