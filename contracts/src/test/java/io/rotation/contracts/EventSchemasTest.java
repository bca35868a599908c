package io.rotation.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyThePayloadFields(EventType event) throws IOException {
        JsonNode schema = readSchema(event);
        Set<String> schemaFields = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(schemaFields::add);

        Set<String> recordFields = new TreeSet<>();
        Arrays.stream(event.payload().getRecordComponents())
                .forEach(c -> recordFields.add(snakeCase(c.getName())));

        assertEquals(recordFields, schemaFields, "fields of " + event.payload().getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void primitivePayloadFieldsAreRequired(EventType event) throws IOException {
        Set<String> required = new HashSet<>();
        readSchema(event).get("required").forEach(n -> required.add(n.asText()));
        Arrays.stream(event.payload().getRecordComponents())
                .filter(c -> c.getType().isPrimitive())
                .forEach(c -> assertTrue(required.contains(snakeCase(c.getName())),
                        snakeCase(c.getName()) + " must be required"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicFollowsTheNamingRule(EventType event) {
        assertTrue(event.topic().matches("rotation\\.[a-z-]+\\.[a-z-]+\\.v\\d+"), event.topic());
    }

    private static JsonNode readSchema(EventType event) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(event.schemaResource())) {
            assertNotNull(in, "missing " + event.schemaResource());
            return JSON.readTree(in);
        }
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
