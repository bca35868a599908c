package io.rotation.platform.testing.authz;

import io.rotation.platform.testing.TestTokens;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Personas with tokens signed by the test key: fresh user ids (the local database keeps data
 * between runs), a store the manager manages and another the other manager manages. Services that
 * only read the token (not identity) use these as they are; fixtures add their own values.
 */
public final class MintedPersonas implements MatrixFixture {

    private final Map<String, String> values = new HashMap<>();
    private final Map<Persona, String> tokens = new EnumMap<>(Persona.class);

    private MintedPersonas() {
    }

    public static MintedPersonas fresh() {
        MintedPersonas personas = new MintedPersonas();
        long owner = TestTokens.newUserId();
        long otherUser = TestTokens.newUserId();
        long manager = TestTokens.newUserId();
        long otherManager = TestTokens.newUserId();
        long admin = TestTokens.newUserId();
        long store = TestTokens.newUserId();
        long otherStore = TestTokens.newUserId();
        personas.put("owner_id", owner).put("other_user_id", otherUser).put("manager_id", manager)
                .put("other_manager_id", otherManager).put("admin_id", admin)
                .put("store_id", store).put("other_store_id", otherStore);
        personas.tokens.put(Persona.OWNER, TestTokens.user(owner));
        personas.tokens.put(Persona.OTHER_USER, TestTokens.user(otherUser));
        personas.tokens.put(Persona.MANAGER, TestTokens.manager(manager, Set.of(store)));
        personas.tokens.put(Persona.OTHER_MANAGER, TestTokens.manager(otherManager, Set.of(otherStore)));
        personas.tokens.put(Persona.ADMIN, TestTokens.admin(admin));
        return personas;
    }

    /** Adds or replaces a placeholder value. */
    public MintedPersonas put(String name, Object value) {
        values.put(name, String.valueOf(value));
        return this;
    }

    public long id(String name) {
        return Long.parseLong(values.get(name));
    }

    @Override
    public Map<String, String> values() {
        return values;
    }

    @Override
    public String token(Persona persona) {
        return tokens.get(persona);
    }
}
