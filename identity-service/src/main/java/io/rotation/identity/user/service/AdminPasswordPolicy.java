package io.rotation.identity.user.service;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes the first admin's password too weak outside a local set-up: short, one of the
 * passwords everyone tries first (the local default {@code rotation-admin} among them), the
 * username again, or hardly more than one repeated character. Says why, never echoing the password.
 */
public final class AdminPasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MIN_DISTINCT_CHARACTERS = 5;

    /** Lower-case; compared without regard to case. */
    static final Set<String> DENIED = Set.of(
            "rotation-admin", "rotation", "admin", "administrator", "password", "changeme", "change-me",
            "letmein", "welcome", "secret", "qwerty", "admin123", "admin1234", "password123", "password1234",
            "adminadmin", "adminpassword", "administrator1", "qwertyuiop", "1234567890", "123456789012",
            "rotationadmin", "rotation-admin1", "rotation123");

    private AdminPasswordPolicy() {
    }

    /** Why the password is weak, or empty when it is acceptable. */
    public static Optional<String> weakness(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("it is empty");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (DENIED.contains(lower)) {
            return Optional.of("it is a well-known default or common password");
        }
        if (username != null && username.trim().length() >= 3 && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("it contains the username");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("it is shorter than " + MIN_LENGTH + " characters");
        }
        if (lower.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("it has fewer than " + MIN_DISTINCT_CHARACTERS + " different characters");
        }
        return Optional.empty();
    }
}
