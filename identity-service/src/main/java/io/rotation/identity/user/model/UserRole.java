package io.rotation.identity.user.model;

/** The {@code user_role} enum; constants are spelled as the database, the token and the JSON spell them. */
public enum UserRole {
    admin, store_manager, general_user
}
