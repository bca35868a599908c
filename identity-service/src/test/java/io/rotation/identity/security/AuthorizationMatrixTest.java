package io.rotation.identity.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.identity.IdentityFixture;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.Persona;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * identity-service's rows of docs/security/authorization-matrix.md. identity checks accounts and
 * store roles in its database, so every persona is a registered account: the owner owns an active
 * store (managed by the manager) and a pending one; the other manager owns a store of their own.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "identity-service";
    }

    @Override
    protected MatrixFixture newFixture() {
        Map<String, String> values = new HashMap<>();
        Map<Persona, String> tokens = new EnumMap<>(Persona.class);
        String ownerName = IdentityFixture.uniqueName();
        long owner = IdentityFixture.register(ownerName);
        long otherUser = IdentityFixture.register(IdentityFixture.uniqueName());
        long manager = IdentityFixture.register(IdentityFixture.uniqueName());
        long otherManager = IdentityFixture.register(IdentityFixture.uniqueName());
        long admin = IdentityFixture.register(IdentityFixture.uniqueName());
        String adminToken = TestTokens.admin(admin);
        tokens.put(Persona.OWNER, TestTokens.user(owner));
        tokens.put(Persona.OTHER_USER, TestTokens.user(otherUser));
        tokens.put(Persona.ADMIN, adminToken);

        long store = newStore(TestTokens.user(owner));
        IdentityFixture.as(adminToken).contentType(ContentType.JSON).body(Map.of("status", "active"))
                .patch("/api/v1/stores/" + store).then().statusCode(200);
        IdentityFixture.as(TestTokens.user(owner)).put("/api/v1/stores/" + store + "/managers/" + manager)
                .then().statusCode(201);
        long pendingStore = newStore(TestTokens.user(owner));
        long otherStore = newStore(TestTokens.user(otherManager));
        tokens.put(Persona.MANAGER, TestTokens.manager(manager, Set.of(store)));
        tokens.put(Persona.OTHER_MANAGER, TestTokens.manager(otherManager, Set.of(otherStore)));

        values.put("owner_id", Long.toString(owner));
        values.put("owner_name", ownerName);
        values.put("password", IdentityFixture.PASSWORD);
        values.put("owner_refresh_token", IdentityFixture.login(ownerName).getString("refresh_token"));
        values.put("other_user_id", Long.toString(otherUser));
        values.put("manager_id", Long.toString(manager));
        values.put("store_id", Long.toString(store));
        values.put("pending_store_id", Long.toString(pendingStore));
        return MatrixFixture.of(values, tokens);
    }

    private static long newStore(String token) {
        String slug = "m-" + IdentityFixture.uniqueName().toLowerCase();
        return IdentityFixture.as(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix " + slug, "slug", slug, "discogs_username", slug))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
