package io.rotation.identity.user.service;

import io.quarkus.runtime.StartupEvent;
import io.rotation.identity.user.model.Registration;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ensures the first admin account at start-up from {@code ROTATION_ADMIN_USERNAME} and
 * {@code ROTATION_ADMIN_PASSWORD}: created once (with its UserRegistered event), then promoted to
 * admin if it exists with another role. Without both variables nothing is done.
 */
@ApplicationScoped
public class AdminAccount {

    private static final Logger LOG = Logger.getLogger(AdminAccount.class);

    private final UserService users;
    private final Pool pool;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String emailDomain;

    public AdminAccount(UserService users, Pool pool,
                        @ConfigProperty(name = "rotation.admin.username") Optional<String> username,
                        @ConfigProperty(name = "rotation.admin.password") Optional<String> password,
                        @ConfigProperty(name = "rotation.admin.email-domain", defaultValue = "rotation.local")
                        String emailDomain) {
        this.users = users;
        this.pool = pool;
        this.username = username;
        this.password = password;
        this.emailDomain = emailDomain;
    }

    void ensure(@Observes StartupEvent event) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        boolean exists = pool.preparedQuery("select 1 from users where lower(username) = lower($1)")
                .execute(Tuple.of(username.get())).await().indefinitely().size() > 0;
        if (!exists) {
            users.register(new Registration(username.get() + "@" + emailDomain, username.get(), password.get(), "Admin"))
                    .await().indefinitely();
            LOG.infof("created admin account %s", username.get());
        }
        pool.preparedQuery("update users set role = 'admin' where lower(username) = lower($1) and role <> 'admin'")
                .execute(Tuple.of(username.get())).await().indefinitely();
    }
}
