package io.rotation.identity.user.model;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** A user as the API shows it: never the password hash, nor the login-limiting state. */
public record UserView(long id, String email, String username, UserRole role, String displayName, String bio,
                       String avatarUrl, String locale, String timezone, boolean isActive, boolean emailVerified,
                       Instant lastLoginAt, Instant createdAt, Instant updatedAt) {

    /** The columns {@link #of(Row)} reads. */
    public static final String COLUMNS = "id, email, username, role::text as role, display_name, bio, avatar_url, "
            + "locale, timezone, is_active, email_verified, last_login_at, created_at, updated_at";

    public static UserView of(User u) {
        return new UserView(u.id, u.email, u.username, u.role, u.displayName, u.bio, u.avatarUrl, u.locale,
                u.timezone, u.active, u.emailVerified, u.lastLoginAt, u.createdAt, u.updatedAt);
    }

    public static UserView of(Row r) {
        return new UserView(r.getLong("id"), r.getString("email"), r.getString("username"),
                UserRole.valueOf(r.getString("role")), r.getString("display_name"), r.getString("bio"),
                r.getString("avatar_url"), r.getString("locale"), r.getString("timezone"), r.getBoolean("is_active"),
                r.getBoolean("email_verified"), instant(r, "last_login_at"), instant(r, "created_at"),
                instant(r, "updated_at"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
