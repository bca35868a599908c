package io.rotation.identity.user.model;

import java.time.Instant;

/** A user as the API shows it: never the password hash. */
public record UserView(long id, String email, String username, UserRole role, String displayName, boolean isActive,
                       Instant createdAt) {

    public static UserView of(User u) {
        return new UserView(u.id, u.email, u.username, u.role, u.displayName, u.active, u.createdAt);
    }
}
