package io.rotation.platform.security;

/** The roles of the suite, carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String STORE_MANAGER = "store_manager";
    public static final String GENERAL_USER = "general_user";

    /** Token claim with the ids of the stores the user manages. */
    public static final String STORE_IDS_CLAIM = "store_ids";

    private Roles() {
    }
}
