package io.rotation.identity.discogs.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code discogs_tokens}. {@link #token} and {@link #tokenSecret} are pgp_sym_encrypt
 * ciphertext: write them with {@code pgp_sym_encrypt($1, $key)} and read them with
 * {@code pgp_sym_decrypt(token, $key)} in SQL; the entity never sees plain text.
 */
@Entity
@Table(name = "discogs_tokens")
public class DiscogsToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    /** The Discogs username the token belongs to; null until known (007). */
    @Column(length = 64)
    public String username;

    @Column(nullable = false, columnDefinition = "bytea")
    public byte[] token;

    /** Null for a personal access token, which has no secret (007). */
    @Column(name = "token_secret", columnDefinition = "bytea")
    public byte[] tokenSecret;

    @Column(name = "key_version", nullable = false)
    public int keyVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] scopes;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;

    @Override
    public String toString() {
        return "DiscogsToken[id=" + id + ", userId=" + userId + ", username=" + username + "]";
    }
}
