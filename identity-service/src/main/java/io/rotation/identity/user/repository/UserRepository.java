package io.rotation.identity.user.repository;

import io.rotation.identity.user.model.User;
import io.rotation.identity.user.model.ProfileUpdate;
import io.rotation.identity.user.model.UserRole;
import io.rotation.identity.user.model.UserView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** On the caller's transaction (callable from the worker thread that verified the password). */
    public Uni<Void> recordLogin(SqlConnection connection, long userId) {
        return connection.preparedQuery("""
                        update users set last_login_at = now(), failed_login_count = 0,
                                         failed_login_window_start = null, locked_until = null
                        where id = $1""")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    /**
     * Counts a failed login in the window (a failure after the window starts a new one); the
     * {@code maxFailures}-th failure in a window locks the account for {@code lock}.
     * @return when the account is now locked until, or null
     */
    public Uni<java.time.Instant> recordFailedLogin(long userId, java.time.Duration window, int maxFailures,
                                                   java.time.Duration lock) {
        return pool.withTransaction(c -> c.preparedQuery("""
                        update users set
                            failed_login_count = case when failed_login_window_start is null
                                    or failed_login_window_start <= now() - make_interval(secs => $2)
                                then 1 else failed_login_count + 1 end,
                            failed_login_window_start = case when failed_login_window_start is null
                                    or failed_login_window_start <= now() - make_interval(secs => $2)
                                then now() else failed_login_window_start end
                        where id = $1
                        returning failed_login_count""")
                .execute(Tuple.of(userId, (double) window.toSeconds()))
                .chain(rows -> rows.size() == 0 || rows.iterator().next().getInteger(0) < maxFailures
                        ? Uni.createFrom().nullItem()
                        : c.preparedQuery("""
                                        update users set locked_until = now() + make_interval(secs => $2),
                                                         failed_login_count = 0, failed_login_window_start = null
                                        where id = $1
                                        returning locked_until""")
                                .execute(Tuple.of(userId, (double) lock.toSeconds()))
                                .map(locked -> locked.iterator().next().getOffsetDateTime(0).toInstant())));
    }

    /** Ids of the stores the user manages (any role, any store status), for the token's store_ids. */
    public Uni<List<Long>> managedStoreIds(SqlConnection connection, long userId) {
        return connection.preparedQuery("select store_id from store_managers where user_id = $1 order by store_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids;
                });
    }

    public Uni<User> find(long userId) {
        return sessions.withSession(s -> s.find(User.class, userId));
    }

    /**
     * Admin listing, by id: {@code q} matches username or e-mail (substring, without regard to case),
     * optionally one role and one activity state; {@code afterId} continues a cursor.
     */
    public Uni<List<User>> search(String q, UserRole role, Boolean active, Long afterId, int limit) {
        StringBuilder hql = new StringBuilder("from User where 1 = 1");
        if (q != null) {
            hql.append(" and (lower(username) like :q escape '!' or lower(email) like :q escape '!')");
        }
        if (role != null) {
            hql.append(" and role = :role");
        }
        if (active != null) {
            hql.append(" and active = :active");
        }
        if (afterId != null) {
            hql.append(" and id > :after");
        }
        hql.append(" order by id");
        return sessions.withSession(s -> {
            var query = s.createSelectionQuery(hql.toString(), User.class).setMaxResults(limit);
            if (q != null) {
                query.setParameter("q", "%" + q.toLowerCase().replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
            }
            if (role != null) {
                query.setParameter("role", role);
            }
            if (active != null) {
                query.setParameter("active", active);
            }
            if (afterId != null) {
                query.setParameter("after", afterId);
            }
            return query.getResultList();
        });
    }

    /** Changes the profile fields that are not null ("" clears the nullable ones); null when no such user. */
    public Uni<UserView> updateProfile(long userId, ProfileUpdate p) {
        return pool.preparedQuery("""
                        update users set
                            email = coalesce($2, email),
                            email_verified = case when $2 is not null and lower($2) <> lower(email)
                                                  then false else email_verified end,
                            username = coalesce($3, username),
                            display_name = case when $4::text is null then display_name else nullif($4, '') end,
                            bio = case when $5::text is null then bio else nullif($5, '') end,
                            avatar_url = case when $6::text is null then avatar_url else nullif($6, '') end,
                            locale = coalesce($7, locale),
                            timezone = coalesce($8, timezone)
                        where id = $1
                        returning\s""" + UserView.COLUMNS)
                .execute(Tuple.from(new Object[] {userId, trimmed(p.email()), p.username(), p.displayName(), p.bio(),
                        p.avatarUrl(), p.locale(), p.timezone()}))
                .map(rows -> rows.size() == 0 ? null : UserView.of(rows.iterator().next()));
    }

    /** Sets role and/or is_active on the caller's transaction; null when no such user. */
    /** The user's role and is_active, locked until the transaction ends; null if there is no such user. */
    public Uni<Map<String, Object>> accessForUpdate(SqlConnection connection, long userId) {
        return connection.preparedQuery("select role::text as role, is_active from users where id = $1 for update")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var r = rows.iterator().next();
                    return Map.of("role", r.getString("role"), "is_active", r.getBoolean("is_active"));
                });
    }

    public Uni<UserView> adminUpdate(SqlConnection connection, long userId, UserRole role, Boolean active) {
        return connection.preparedQuery("""
                        update users set role = coalesce($2::user_role, role), is_active = coalesce($3, is_active)
                        where id = $1
                        returning\s""" + UserView.COLUMNS)
                .execute(Tuple.of(userId, role == null ? null : role.name(), active))
                .map(rows -> rows.size() == 0 ? null : UserView.of(rows.iterator().next()));
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    public Uni<UserRole> roleOf(long userId) {
        return sessions.withSession(s -> s.find(User.class, userId)).map(u -> u == null ? null : u.role);
    }
}
