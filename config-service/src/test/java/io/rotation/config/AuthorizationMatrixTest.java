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

    /**
     * A flag, a rate-limit rule, a maintenance window, a setting, an inactive staging profile and a cache rule
     * of their own per fixture, made by the admin through the API.
     */
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
        given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"key\": \"" + key + "\", \"setting_type\": \"number\", \"value\": 1}")
                .post("/api/v1/settings").then().statusCode(201);
        long profile = given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"name\": \"" + key + "\", \"environment\": \"staging\"}")
                .post("/api/v1/config-profiles").then().statusCode(201).extract().jsonPath().getLong("id");
        long cacheRule = given().auth().oauth2(personas.token(Persona.ADMIN)).contentType("application/json")
                .body("{\"key_pattern\": \"matrix:" + key + ":*\", \"ttl_seconds\": 60}")
                .post("/api/v1/cache-rules").then().statusCode(201).extract().jsonPath().getLong("id");
        return personas.put("flag_key", key).put("rate_limit_id", String.valueOf(rule)).put("window_id", String.valueOf(window))
                .put("setting_key", key).put("profile_id", String.valueOf(profile))
                .put("cache_rule_id", String.valueOf(cacheRule));
    }
}
