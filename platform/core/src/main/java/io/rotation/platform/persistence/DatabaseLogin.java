package io.rotation.platform.persistence;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How a service logs in to Postgres ({@code rotation.db.*}, which the platform's shared config turns
 * into the datasource's settings). The password has no default outside the dev and test profiles, so
 * a production service started without {@code rotation.db.password} ({@code ROTATION_DB_PASSWORD}, from
 * the service's Secret), or with an empty one, fails its start while its configuration is read —
 * before Liquibase or a pool tries to log in — with SmallRye Config's "The config property
 * rotation.db.password is required". (Quarkus itself takes an unresolved datasource password for
 * none, and a Postgres that trusts the address would let the service in.)
 * <p>
 * Nothing injects it: {@link Unremovable} keeps Quarkus registering (and so checking) the mapping,
 * which it skips for a mapping without an injection point. The mapping is strict: a property under
 * {@code rotation.db} that is not declared here fails the start too.
 */
@Unremovable
@ConfigMapping(prefix = "rotation.db")
public interface DatabaseLogin {

    /** The service's schema; its login role is {@code <schema>_svc} unless {@link #user()} says otherwise. */
    String schema();

    /** The login role, when it is not {@code <schema>_svc}. */
    Optional<String> user();

    /** The login role's password: required outside the dev and test profiles. */
    String password();

    Optional<String> host();

    Optional<Integer> port();

    /** The database (default {@code rotation}). */
    Optional<String> name();
}
