package io.rotation.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of Unleash's client specification suites in test resources, unchanged, through {@link FlagSet}. */
class UnleashClientSpecificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyCaseOfEverySuitePasses() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path suite : suites()) {
            JsonNode spec = JSON.readTree(suite.toFile());
            FlagSet flags = FlagSet.of(spec.path("state"));
            String name = spec.path("name").asText();
            for (JsonNode t : spec.path("tests")) {
                tests.add(DynamicTest.dynamicTest(name + ": " + t.path("description").asText(), () ->
                        assertThat(flags.isEnabled(t.path("toggleName").asText(), context(t.path("context"))))
                                .isEqualTo(t.path("expectedResult").asBoolean())));
            }
            for (JsonNode t : spec.path("variantTests")) {
                tests.add(DynamicTest.dynamicTest(name + " (variant): " + t.path("description").asText(), () -> {
                    JsonNode expected = t.path("expectedResult");
                    FlagResult result = flags.evaluate(t.path("toggleName").asText(), context(t.path("context")));
                    Variant variant = result.variant();
                    assertThat(variant.name()).isEqualTo(expected.path("name").asText());
                    assertThat(variant.enabled()).isEqualTo(expected.path("enabled").asBoolean());
                    if (expected.has("feature_enabled")) {
                        assertThat(variant.featureEnabled()).isEqualTo(expected.path("feature_enabled").asBoolean());
                        assertThat(result.enabled()).isEqualTo(expected.path("feature_enabled").asBoolean());
                    }
                    if (expected.has("payload")) {
                        assertThat(variant.payload()).isEqualTo(new Variant.Payload(
                                expected.path("payload").path("type").asText(), expected.path("payload").path("value").asText()));
                    } else {
                        assertThat(variant.payload()).isNull();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theSuitesHoldTheirEightyOneCases() throws Exception {
        int cases = 0;
        for (Path suite : suites()) {
            JsonNode spec = JSON.readTree(suite.toFile());
            cases += spec.path("tests").size() + spec.path("variantTests").size();
        }
        assertThat(suites()).hasSize(9);
        assertThat(cases).isEqualTo(81);
    }

    static List<Path> suites() throws IOException, URISyntaxException {
        Path dir = Path.of(UnleashClientSpecificationTest.class.getResource("/unleash-client-specification").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** A test case's context: Unleash's standard fields, the rest in properties. */
    static UnleashContext context(JsonNode json) {
        Map<String, String> properties = new HashMap<>();
        json.path("properties").fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                properties.put(e.getKey(), e.getValue().asText());
            }
        });
        return new UnleashContext(text(json, "userId"), text(json, "sessionId"), text(json, "remoteAddress"),
                text(json, "environment"), text(json, "appName"), text(json, "currentTime"), properties);
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.path(field).asText() : null;
    }
}
