package io.rotation.identity.user.model;

import jakarta.validation.constraints.AssertTrue;

/** {@code PATCH /api/v1/users/{id}} (admins): role and/or is_active. */
public record AdminUserUpdate(UserRole role, Boolean isActive) {

    @AssertTrue(message = "role or is_active is required")
    public boolean isAnyField() {
        return role != null || isActive != null;
    }
}
