package io.rotation.identity.discogs.repository;

import io.rotation.identity.discogs.model.DiscogsCredentials;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * discogs_tokens through the Vert.x client: the plain token travels only as a bind parameter into
 * {@code pgp_sym_encrypt}, and back from {@code pgp_sym_decrypt} for identity's own use; keys
 * travel only as bind parameters. Re-encryption happens inside the database.
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

    /**
     * The user's token, decrypted with the key of its row's version (one statement: a concurrent
     * re-encryption cannot slip between reading the version and decrypting); null without a token.
     */
    public Uni<DiscogsCredentials> credentials(long userId, Map<Integer, String> keys) {
        Integer[] versions = keys.keySet().toArray(new Integer[0]);
        String[] secrets = keys.values().toArray(new String[0]);
        return pool.preparedQuery("""
                        select t.key_version, k.key is not null as has_key,
                               case when k.key is null then null else pgp_sym_decrypt(t.token, k.key) end as token,
                               case when k.key is null or t.token_secret is null then null
                                    else pgp_sym_decrypt(t.token_secret, k.key) end as token_secret
                        from discogs_tokens t
                        left join unnest($2::int[], $3::text[]) as k(version, key) on k.version = t.key_version
                        where t.user_id = $1""")
                .execute(Tuple.of(userId, versions, secrets))
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

    /** One batch of {@code reencrypt_discogs_tokens} (see changeset 008). */
    public Uni<ReEncryptedBatch> reEncryptBatch(int fromVersion, String fromKey, int toVersion, String toKey,
                                                long afterId, int limit) {
        return pool.preparedQuery("select * from reencrypt_discogs_tokens($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.from(new Object[] {fromVersion, fromKey, toVersion, toKey, afterId, limit}))
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
