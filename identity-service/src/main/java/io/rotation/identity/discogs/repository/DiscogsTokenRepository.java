package io.rotation.identity.discogs.repository;

import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * discogs_tokens through the Vert.x client: the plain token only ever travels as a bind parameter
 * into {@code pgp_sym_encrypt}; nothing here reads it back.
 */
@ApplicationScoped
public class DiscogsTokenRepository {

    private final Pool pool;

    public DiscogsTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** Sets (or replaces) the user's token, encrypted with the key. */
    public Uni<Void> put(long userId, String username, String token, String tokenSecret, String key, int keyVersion) {
        return pool.preparedQuery("""
                        insert into discogs_tokens (user_id, username, token, token_secret, key_version)
                        values ($1, $2, pgp_sym_encrypt($3, $5),
                                case when $4::text is null then null else pgp_sym_encrypt($4, $5) end, $6)
                        on conflict (user_id) do update set username = excluded.username, token = excluded.token,
                            token_secret = excluded.token_secret, key_version = excluded.key_version,
                            revoked_at = null, last_used_at = null""")
                .execute(Tuple.from(new Object[] {userId, username, token, tokenSecret, key, keyVersion}))
                .replaceWithVoid();
    }

    public Uni<Void> delete(long userId) {
        return pool.preparedQuery("delete from discogs_tokens where user_id = $1").execute(Tuple.of(userId))
                .replaceWithVoid();
    }

    public Uni<DiscogsTokenStatus> status(long userId) {
        return pool.preparedQuery("select username, updated_at from discogs_tokens where user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new DiscogsTokenStatus(false, null, null);
                    }
                    Row r = rows.iterator().next();
                    return new DiscogsTokenStatus(true, r.getString("username"),
                            r.getOffsetDateTime("updated_at").toInstant());
                });
    }
}
