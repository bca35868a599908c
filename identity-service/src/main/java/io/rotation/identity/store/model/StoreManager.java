package io.rotation.identity.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code store_managers}: a user allowed to manage a store. */
@Entity
@Table(name = "store_managers")
public class StoreManager {

    public static final String OWNER = "owner";
    public static final String MANAGER = "manager";
    public static final String STAFF = "staff";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public long storeId;

    @Column(name = "user_id", nullable = false)
    public long userId;

    /** owner, manager or staff. */
    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "added_by")
    public Long addedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
