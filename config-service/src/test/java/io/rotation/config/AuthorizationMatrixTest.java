package io.rotation.config;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.MintedPersonas;
import io.rotation.platform.testing.authz.Persona;
import java.util.UUID;

/** config-service's rows of docs/security/authorization-matrix.md. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "config-service";
    }

    /** A flag of its own per fixture, made by the admin through the API. */
    @Override
    protected MatrixFixture newFixture() {
        MintedPersonas personas = MintedPersonas.fresh();
        String key = "matrix-" + UUID.randomUUID();
        given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"key\": \"" + key + "\", \"flag_type\": \"boolean\", \"enabled\": true}")
                .post("/api/v1/flags").then().statusCode(201);
        return personas.put("flag_key", key);
    }
}
