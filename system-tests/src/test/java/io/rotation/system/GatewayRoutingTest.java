package io.rotation.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyIterable;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The gateway routes by prefix alone, and what it cannot route is a problem+json 404. */
class GatewayRoutingTest {

    @ParameterizedTest(name = "{0} reaches {1}")
    @CsvSource({
            "/api/v1/plays, user-features",
            "/api/v1/stats/me, analytics",
    })
    void routesAPrefixToItsService(String path, String service) {
        // both need a token: the owning service itself answers 401 with its problem+json
        Gateway.request().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://rotation.dev/problems/unauthorized"));
    }

    @Test
    void servesTheIdentityServicesJwks() {
        Gateway.request().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys", not(emptyIterable())).body("keys[0].alg", equalTo("RS256"));
    }

    @Test
    void answersAnUnroutedPathWithProblemJson() {
        Gateway.request().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
    }
}
