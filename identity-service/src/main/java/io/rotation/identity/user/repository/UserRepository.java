package io.rotation.identity.user.repository;

import io.rotation.identity.user.model.User;
import io.rotation.identity.user.model.UserRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** users: inserts on the caller's transaction (with their events), reads through Hibernate Reactive. */
@ApplicationScoped
public class UserRepository {

    private static final String INSERT = """
            insert into users (email, username, password_hash, role, display_name)
            values ($1, $2, $3, $4::user_role, $5)
            returning id, created_at""";

    private final Mutiny.SessionFactory sessions;
    private final Pool pool;

    public UserRepository(Mutiny.SessionFactory sessions, Pool pool) {
        this.sessions = sessions;
        this.pool = pool;
    }

    /** Inserts the user and fills in its id and creation time. */
    public Uni<User> insert(SqlConnection connection, User user) {
        return connection.preparedQuery(INSERT)
                .execute(Tuple.of(user.email, user.username, user.passwordHash, user.role.name(), user.displayName))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    user.id = row.getLong("id");
                    user.createdAt = row.getOffsetDateTime("created_at").toInstant();
                    return user;
                });
    }

    /** By username or e-mail, without regard to case. */
    public Uni<User> findByLogin(String login) {
        return sessions.withSession(s -> s.createSelectionQuery(
                        "from User where lower(username) = lower(:login) or lower(email) = lower(:login)", User.class)
                .setParameter("login", login)
                .getSingleResultOrNull());
    }

    /** Through the Vert.x client: callable from the worker thread that verified the password. */
    public Uni<Void> recordLogin(long userId) {
        return pool.preparedQuery("update users set last_login_at = now() where id = $1")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    public Uni<UserRole> roleOf(long userId) {
        return sessions.withSession(s -> s.find(User.class, userId)).map(u -> u == null ? null : u.role);
    }
}
