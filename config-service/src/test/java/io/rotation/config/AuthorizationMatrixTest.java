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

    /** A flag, a rate-limit rule and a maintenance window of their own per fixture, made by the admin through the API. */
    @Override
    protected MatrixFixture newFixture() {
        MintedPersonas personas = MintedPersonas.fresh();
        String key = "matrix-" + UUID.randomUUID();
        given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"key\": \"" + key + "\", \"flag_type\": \"boolean\", \"enabled\": true}")
                .post("/api/v1/flags").then().statusCode(201);
        long rule = given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"identifier_type\": \"global\", \"endpoint_pattern\": \"GET /matrix/" + key
                        + "\", \"max_requests\": 10, \"window_seconds\": 60}")
                .post("/api/v1/rate-limits").then().statusCode(201).extract().jsonPath().getLong("id");
        long window = given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"title\": \"" + key + "\", \"starts_at\": \"2099-01-01T00:00:00Z\", "
                        + "\"ends_at\": \"2099-01-01T01:00:00Z\"}")
                .post("/api/v1/maintenance-windows").then().statusCode(201).extract().jsonPath().getLong("id");
        return personas.put("flag_key", key).put("rate_limit_id", String.valueOf(rule)).put("window_id", String.valueOf(window));
    }
}
