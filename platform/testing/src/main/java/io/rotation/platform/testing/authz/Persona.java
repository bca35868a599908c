package io.rotation.platform.testing.authz;

/**
 * Who calls, in the authorisation matrix. The owner owns the fixture's user data and the manager
 * manages the fixture's store; the others own or manage something else. Calls run in this order, so
 * that callers expected to be refused run before those allowed to change the fixture.
 */
public enum Persona {
    ANONYMOUS("anonymous"),
    OTHER_USER("other_user"),
    OTHER_MANAGER("other_manager"),
    MANAGER("manager"),
    OWNER("owner"),
    ADMIN("admin");

    private final String column;

    Persona(String column) {
        this.column = column;
    }

    /** The column of this persona in the matrix table. */
    public String column() {
        return column;
    }
}
