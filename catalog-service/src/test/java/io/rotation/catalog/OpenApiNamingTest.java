package io.rotation.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names body properties as they travel (snake_case), so that clients and fuzzers built from it send what the service reads. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class OpenApiNamingTest {

    @Test
    @SuppressWarnings("unchecked")
    void schemaPropertiesAreSnakeCase() {
        Map<String, Object> schemas = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("components.schemas");
        List<String> names = new ArrayList<>();
        schemas.forEach((schema, body) -> {
            Object properties = ((Map<String, Object>) body).get("properties");
            if (properties instanceof Map<?, ?> map) {
                map.keySet().forEach(name -> names.add(schema + "." + name));
            }
        });
        assertThat(names).isNotEmpty().contains("ImportRequest.path")
                .noneMatch(name -> name.substring(name.indexOf('.') + 1).matches(".*[A-Z].*"));
    }
}
