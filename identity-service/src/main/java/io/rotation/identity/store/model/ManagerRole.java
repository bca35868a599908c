package io.rotation.identity.store.model;

import jakarta.validation.constraints.Pattern;

/** {@code PUT /api/v1/stores/{id}/managers/{user_id}}: the role to grant, manager (default) or staff. */
public record ManagerRole(@Pattern(regexp = "manager|staff", message = "must be manager or staff") String role) {

    public String roleOrDefault() {
        return role == null ? StoreManager.MANAGER : role;
    }
}
