package io.rotation.identity.auth.repository;

import io.rotation.identity.user.model.UserRole;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * refresh_tokens, always on the caller's transaction (the Vert.x client: callable after the
 * bcrypt worker hop). Tokens are 32 random bytes (base64url); only their SHA-256 is stored.
 */
@ApplicationScoped
public class RefreshTokenRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The presented token's row and its user, locked so that concurrent refreshes serialise. */
    private static final String FIND_FOR_UPDATE = """
            select t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at,
                   u.username, u.role::text as role, u.is_active
            from refresh_tokens t join users u on u.id = t.user_id
            where t.token_hash = $1
            for update of t""";

    public record Presented(long id, long userId, UUID familyId, Instant expiresAt, Instant usedAt,
                            Instant revokedAt, String username, UserRole role, boolean userActive) {
    }

    /** Creates a token in the family and returns its plain value (shown once, to the client). */
    public Uni<String> issue(SqlConnection connection, long userId, UUID familyId, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return connection.preparedQuery("""
                        insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
                        values ($1, $2, $3, now() + make_interval(secs => $4))""")
                .execute(Tuple.of(userId, familyId, hash(token), (double) ttl.toSeconds()))
                .replaceWith(token);
    }

    public Uni<Presented> findForUpdate(SqlConnection connection, String token) {
        return connection.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(hash(token))).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Presented(r.getLong("id"), r.getLong("user_id"), r.getUUID("family_id"),
                    instant(r, "expires_at"), instant(r, "used_at"), instant(r, "revoked_at"),
                    r.getString("username"), UserRole.valueOf(r.getString("role")), r.getBoolean("is_active"));
        });
    }

    public Uni<Void> markUsed(SqlConnection connection, long id) {
        return connection.preparedQuery("update refresh_tokens set used_at = now() where id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Void> revokeFamily(SqlConnection connection, UUID familyId) {
        return connection.preparedQuery(
                        "update refresh_tokens set revoked_at = now() where family_id = $1 and revoked_at is null")
                .execute(Tuple.of(familyId)).replaceWithVoid();
    }

    /** Revokes the family of the presented token, if it is one of ours. */
    public Uni<Void> revokeFamilyOf(SqlConnection connection, String token) {
        return connection.preparedQuery("""
                        update refresh_tokens set revoked_at = now()
                        where family_id = (select family_id from refresh_tokens where token_hash = $1)
                          and revoked_at is null""")
                .execute(Tuple.of(hash(token))).replaceWithVoid();
    }

    /** Revokes every refresh token of the user (deactivation, role change). */
    public Uni<Void> revokeAllOf(SqlConnection connection, long userId) {
        return connection.preparedQuery(
                        "update refresh_tokens set revoked_at = now() where user_id = $1 and revoked_at is null")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
