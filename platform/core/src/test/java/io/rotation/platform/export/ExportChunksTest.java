package io.rotation.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportChunksTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPartOverTheBudgetIsCutIntoChunksWithinTheBudgetThatMergeBackToEveryValueInOrder() throws Exception {
        ExportParts.Chunks chunks = new ExportParts.Chunks(1_000);
        chunks.value("account", "{\"username\":\"ana\"}");
        chunks.startList("events");
        for (int i = 0; i < 500; i++) {
            chunks.element("{\"n\":" + i + ",\"note\":\"né " + i + "\"}");
        }
        chunks.startList("empty");
        chunks.value("total", "500");

        List<Map<String, Object>> cut = chunks.finish();

        assertThat(cut.size()).isGreaterThan(10);
        ObjectNode merged = mapper.createObjectNode();
        for (Map<String, Object> chunk : cut) {
            String json = mapper.writeValueAsString(chunk);
            assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000);
            mapper.readTree(json).fields().forEachRemaining(f -> {
                if (merged.get(f.getKey()) instanceof ArrayNode list && f.getValue() instanceof ArrayNode more) {
                    list.addAll(more);
                } else {
                    merged.set(f.getKey(), f.getValue());
                }
            });
        }
        assertThat(merged.get("account").get("username").asText()).isEqualTo("ana");
        assertThat(merged.get("total").asInt()).isEqualTo(500);
        assertThat(merged.get("empty")).isEmpty();
        JsonNode events = merged.get("events");
        assertThat(events).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(events.get(i).get("n").asInt()).isEqualTo(i);
        }
    }

    @Test
    void aSmallPartIsOneChunkAndAnElementLargerThanTheBudgetTravelsAlone() {
        ExportParts.Chunks small = new ExportParts.Chunks(1_000);
        small.startList("rows");
        small.element("1");
        assertThat(small.finish()).hasSize(1);

        ExportParts.Chunks large = new ExportParts.Chunks(100);
        large.startList("rows");
        large.element("\"" + "x".repeat(300) + "\"");
        large.element("2");
        List<Map<String, Object>> cut = large.finish();
        assertThat(cut).hasSize(2);
        assertThat((List<?>) cut.get(0).get("rows")).hasSize(1);
    }
}
