package io.rotation.catalog.store.model;

/** A store as catalog knows it from identity's StoreChanged events (the {@code stores} projection). */
public record Store(long id, String name, String slug, String discogsUsername, String status) {

    public static final String ACTIVE = "active";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
