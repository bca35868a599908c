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
        return connection.preparedQuery("update users set last_login_at = now() where id = $1")
                .execute(Tuple.of(userId)).replaceWithVoid();
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
