package io.rotation.identity.discogs.repository;

import io.rotation.identity.discogs.model.DiscogsCredentials;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * discogs_tokens through the Vert.x client: the plain token travels only as a bind parameter into
 * {@code pgp_sym_encrypt}, and back from {@code pgp_sym_decrypt} for identity's own use. Keys never
 * travel in a statement: every session of identity's pool holds them as settings
 * ({@link DiscogsKeySessions}), which the SQL reads by key version. Re-encryption happens inside
 * the database.
 */
@ApplicationScoped
public class DiscogsTokenRepository {

    private final Pool pool;

    public DiscogsTokenRepository(Pool pool) {
        this.pool = pool;
    }

    /** Sets (or replaces) the user's token, encrypted with the key of {@code keyVersion}. */
    public Uni<Void> put(long userId, String username, String token, String tokenSecret, int keyVersion) {
        return pool.preparedQuery("""
                        insert into discogs_tokens (user_id, username, token, token_secret, key_version)
                        values ($1, $2, pgp_sym_encrypt($3, %1$s),
                                case when $4::text is null then null else pgp_sym_encrypt($4, %1$s) end, $5)
                        on conflict (user_id) do update set username = excluded.username, token = excluded.token,
                            token_secret = excluded.token_secret, key_version = excluded.key_version,
                            revoked_at = null, last_used_at = null""".formatted(DiscogsKeySessions.keyOf("$5::int")))
                .execute(Tuple.of(userId, username, token, tokenSecret, keyVersion))
                .replaceWithVoid();
    }

    /**
     * The user's token, decrypted with the key of its row's version (one statement: a concurrent
     * re-encryption cannot slip between reading the version and decrypting); null without a token.
     */
    public Uni<DiscogsCredentials> credentials(long userId) {
        return pool.preparedQuery("""
                        select t.key_version, k.key is not null as has_key,
                               case when k.key is null then null else pgp_sym_decrypt(t.token, k.key) end as token,
                               case when k.key is null or t.token_secret is null then null
                                    else pgp_sym_decrypt(t.token_secret, k.key) end as token_secret
                        from discogs_tokens t, lateral (select %s as key) k
                        where t.user_id = $1 and t.revoked_at is null""".formatted(DiscogsKeySessions.keyOf("t.key_version")))
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    if (!r.getBoolean("has_key")) {
                        throw new IllegalStateException("no Discogs token key configured for key version "
                                + r.getInteger("key_version"));
                    }
                    return new DiscogsCredentials(r.getString("token"), r.getString("token_secret"));
                });
    }

    /**
     * The user whose Discogs token a store syncs with: its owner if they have one, else its managers
     * (not staff) in the order they were added; active accounts only; null when none has a token.
     */
    public Uni<Long> storeTokenHolder(long storeId) {
        return pool.preparedQuery("""
                        select m.user_id from store_managers m
                        join discogs_tokens t on t.user_id = m.user_id and t.revoked_at is null
                        join users u on u.id = m.user_id and u.is_active
                        where m.store_id = $1 and m.role in ('owner', 'manager')
                        order by m.role = 'owner' desc, m.created_at, m.user_id limit 1""")
                .execute(Tuple.of(storeId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    /** One batch of {@code reencrypt_discogs_tokens} (see changeset 008), with the sessions' keys. */
    public Uni<ReEncryptedBatch> reEncryptBatch(int fromVersion, int toVersion, long afterId, int limit) {
        return pool.preparedQuery("select * from reencrypt_discogs_tokens($1, %s, $2, %s, $3, $4)"
                        .formatted(DiscogsKeySessions.keyOf("$1::int"), DiscogsKeySessions.keyOf("$2::int")))
                .execute(Tuple.of(fromVersion, toVersion, afterId, limit))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new ReEncryptedBatch(r.getInteger("re_encrypted"), r.getInteger("failed"),
                            r.getInteger("scanned"), r.getLong("last_id"));
                });
    }

    public record ReEncryptedBatch(int reEncrypted, int failed, int scanned, long lastId) {
    }

    /** How many rows are not under the given key version. */
    public Uni<Long> countNotUnder(int version) {
        return pool.preparedQuery("select count(*) from discogs_tokens where key_version <> $1")
                .execute(Tuple.of(version)).map(rows -> rows.iterator().next().getLong(0));
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
