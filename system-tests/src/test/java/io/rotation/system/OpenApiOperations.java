package io.rotation.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of every service, read from the services' own OpenAPI documents
 * ({@code /q/openapi?format=json}): new endpoints are covered as soon as they are documented.
 */
final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A service's port, for reading its document (requests themselves go through the gateway). */
    static final Map<String, Integer> SERVICES = Map.of(
            "identity", 8081, "catalog", 8082, "matching", 8083,
            "user-features", 8084, "analytics", 8085, "config", 8086);

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String service, String method, String path, List<Parameter> parameters,
                     Map<String, JsonNode> bodies, boolean secured, Document document) {
        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A document, for resolving {@code $ref}s. */
    record Document(JsonNode root) {
        JsonNode resolve(JsonNode schema) {
            JsonNode current = schema;
            for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
                String ref = current.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    return JSON.createObjectNode();
                }
                JsonNode target = root;
                for (String part : ref.substring(2).split("/")) {
                    target = target.path(part.replace("~1", "/").replace("~0", "~"));
                }
                current = target;
            }
            if (current != null && current.has("allOf") && current.get("allOf").isArray()
                    && current.get("allOf").size() == 1) {
                return resolve(current.get("allOf").get(0));
            }
            return current == null || current.isMissingNode() ? JSON.createObjectNode() : current;
        }
    }

    private OpenApiOperations() {
    }

    static List<Operation> load() throws IOException, InterruptedException {
        HttpClient client = HttpClients.http11(Duration.ofSeconds(5));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String url = System.getProperty("rotation.openapi." + service.getKey(),
                    "http://127.0.0.1:" + service.getValue() + "/q/openapi?format=json");
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered " + response.statusCode());
            }
            operations.addAll(parse(service.getKey(), JSON.readTree(response.body())));
        }
        return operations;
    }

    static List<Operation> parse(String service, JsonNode root) {
        Document document = new Document(root);
        boolean securedByDefault = root.path("security").size() > 0;
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(document, path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode node = op.getValue();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(document, node.path("parameters")));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                JsonNode content = document.resolve(node.path("requestBody")).path("content");
                content.fields().forEachRemaining(c -> bodies.put(c.getKey(), document.resolve(c.getValue().path("schema"))));
                boolean secured = node.has("security") ? node.get("security").size() > 0 : securedByDefault;
                operations.add(new Operation(service, op.getKey().toUpperCase(), path.getKey(), parameters, bodies,
                        secured, document));
            }
        }
        return operations;
    }

    private static List<Parameter> parameters(Document document, JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = document.resolve(raw);
            parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    p.path("required").asBoolean(false), document.resolve(p.path("schema"))));
        }
        return parameters;
    }
}
