package io.rotation.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rotation.system.OpenApiOperations.Operation;
import io.rotation.system.OpenApiOperations.Parameter;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bad requests for any documented operation: a plausible request built from the operation's
 * parameters and body schema, then broken in one of the ways clients (and attackers) break them.
 * Requests that write are always broken in a way that must be refused, so that a refused request
 * can be told apart from one that legitimately wrote something.
 */
final class BadRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Persona { ANONYMOUS, LISTENER, MANAGER, ADMIN }

    /** How the request is broken. The body kinds fall back to a parameter kind for operations without a body. */
    enum Breakage {
        PATH_VALUE, QUERY_VALUE, EXTRA_QUERY_PARAMETERS,
        WRONG_TYPE, MISSING_REQUIRED, NUL_IN_STRING, INVALID_UTF8, DEEP_JSON, NOT_JSON, WRONG_ROOT, EMPTY_BODY,
        HUGE_STRING, HUGE_ARRAY, SQL_FRAGMENT, SCRIPT_FRAGMENT, EXTRA_FIELDS, WRONG_CONTENT_TYPE
    }

    /** Marks the text of one run's requests: {@code fz<run>q<request>}, so that rows they wrote can be found. */
    static final String RUN = "fz" + Long.toString(System.currentTimeMillis(), 36);
    private static final ThreadLocal<String> MARKER = ThreadLocal.withInitial(() -> RUN + "q0x");

    record Request(Operation operation, Persona persona, Breakage breakage, String method, String target,
                   List<String> headers, byte[] body, String marker) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return persona + " " + breakage + ": " + method + " "
                    + (target.length() > 300 ? target.substring(0, 300) + "…" : target) + " " + headers
                    + (body == null ? "" : " body(" + body.length + " bytes)=" + shown);
        }
    }

    static final List<String> SQL = List.of("' OR '1'='1", "1; DROP TABLE users; --", "\" OR 1=1 --",
            "1' UNION SELECT password_hash FROM identity.users --", "'); DELETE FROM catalog.records; --",
            "$1", "\\\\", "%' AND pg_sleep(5) --");
    static final List<String> SCRIPT = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}", "../../../../etc/passwd", "\u202e\u0301\ud83d\ude00");
    private static final List<String> BAD_PATH = List.of("abc", "-1", "0", "1.5", "99999999999999999999999", "%FF",
            "%C3%28", "%00", "%zz", "a%20b", "%3Cscript%3E", "%27%20OR%201%3D1", "%2e%2e", "%3B", "null", "true",
            "%E2%80%AE", "9223372036854775808", "-9223372036854775809", "1e3");
    private static final List<String> BAD_QUERY = List.of("abc", "-1", "0", "1e999", "99999999999999999999999",
            "%00", "a%00b", "%FF", "%C3%28", "%zz", "%", "%ED%A0%80", "null", "true", "%5B%5D", "%7B%7D", "",
            "2026-13-45", "2026-02-30T25:61:00Z", "%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "-9223372036854775809", "NaN", "Infinity");

    private BadRequests() {
    }

    static Arbitrary<Request> of(List<Operation> operations, Map<Persona, String> tokens) {
        return Combinators.combine(Arbitraries.of(operations), Arbitraries.of(Persona.class),
                        Arbitraries.of(Breakage.class), Arbitraries.randoms())
                .as((operation, persona, breakage, random) -> build(operation, persona, breakage, random, tokens));
    }

    static Request build(Operation operation, Persona persona, Breakage wanted, Random random,
                         Map<Persona, String> tokens) {
        Breakage breakage = applicable(operation, wanted, random);
        String marker = RUN + "q" + Integer.toUnsignedString(random.nextInt()) + "x";
        MARKER.set(marker);
        List<String> headers = new ArrayList<>();
        if (persona != Persona.ANONYMOUS) {
            headers.add("Authorization: Bearer " + tokens.get(persona));
        }
        String path = operation.path();
        List<String> query = new ArrayList<>();
        boolean breakPath = breakage == Breakage.PATH_VALUE
                || (operation.writes() && breakage != Breakage.QUERY_VALUE && operation.bodies().isEmpty());
        for (Parameter p : operation.parameters()) {
            if (p.in().equals("path")) {
                String value = breakPath ? pick(random, BAD_PATH) : nonexistent(p.schema(), random);
                if (breakPath && random.nextInt(4) == 0) {
                    value = encode(random.nextBoolean() ? pick(random, SQL) : "x".repeat(3000));
                }
                path = path.replace("{" + p.name() + "}", value);
            } else if (p.in().equals("query")) {
                if (breakage == Breakage.QUERY_VALUE && (random.nextBoolean() || query.isEmpty())) {
                    query.add(encode(p.name()) + "=" + badQueryValue(random));
                } else if (p.required() || random.nextInt(3) == 0) {
                    query.add(encode(p.name()) + "=" + encode(text(sample(operation, p.schema(), 0, random))));
                }
            }
        }
        if (breakage == Breakage.QUERY_VALUE && query.isEmpty()) {
            query.add("q=" + badQueryValue(random));
        }
        if (breakage == Breakage.EXTRA_QUERY_PARAMETERS) {
            query.add("limit=-5");
            query.add(encode(pick(random, SQL)) + "=" + badQueryValue(random));
            query.add("cursor=" + badQueryValue(random));
            query.add("id=1&id=abc");
        }
        // a write with neither a body nor a path parameter to break: an unreadable query parameter
        if (operation.writes() && operation.bodies().isEmpty() && !operation.path().contains("{")) {
            query.add("x=" + pick(random, List.of("%00", "%FF", "%C3%28", "a%00b")));
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        byte[] body = null;
        if (!operation.bodies().isEmpty() && isBodyBreakage(breakage)) {
            List<String> types = new ArrayList<>(operation.bodies().keySet());
            String type = pick(random, types);
            JsonNode schema = operation.document().resolve(operation.bodies().get(type));
            body = body(operation, schema, breakage, operation.writes(), random);
            headers.add("Content-Type: " + (breakage == Breakage.WRONG_CONTENT_TYPE ? wrongType(type, random)
                    : contentType(type)));
        } else if (!operation.bodies().isEmpty()) {
            // broken in its parameters: a well-formed body for a read, for a write one that must be refused too
            List<String> types = new ArrayList<>(operation.bodies().keySet());
            String type = pick(random, types);
            JsonNode schema = operation.document().resolve(operation.bodies().get(type));
            if (operation.writes()) {
                body = body(operation, schema, Breakage.WRONG_TYPE, true, random);
                headers.add("Content-Type: " + contentType(type));
            } else if (random.nextBoolean() && type.contains("json")) {
                body = bytes(sample(operation, schema, 0, random));
                headers.add("Content-Type: " + contentType(type));
            }
        } else if (isBodyBreakage(breakage)) {
            // a body where none is expected
            body = bytes(NODES.objectNode().put("unexpected", pick(random, SQL)));
            headers.add("Content-Type: " + (random.nextBoolean() ? "application/json" : "text/plain"));
        }
        if (random.nextInt(10) == 0) {
            headers.add("Accept: " + pick(random, List.of("text/html", "application/xml", "*/*", "bogus")));
        }
        return new Request(operation, persona, breakage, operation.method(), target, headers, body, marker);
    }

    private static Breakage applicable(Operation operation, Breakage wanted, Random random) {
        boolean hasPath = operation.parameters().stream().anyMatch(p -> p.in().equals("path"));
        if (isBodyBreakage(wanted) && operation.bodies().isEmpty() && operation.writes() && !hasPath) {
            return Breakage.QUERY_VALUE;
        }
        if (wanted == Breakage.PATH_VALUE && !hasPath) {
            return operation.bodies().isEmpty() ? Breakage.QUERY_VALUE : Breakage.WRONG_TYPE;
        }
        return wanted;
    }

    private static boolean isBodyBreakage(Breakage breakage) {
        return breakage.ordinal() >= Breakage.WRONG_TYPE.ordinal();
    }

    /** The body as bytes, broken as asked; a write's body is always broken in a way that must be refused. */
    static byte[] body(Operation operation, JsonNode schema, Breakage breakage, boolean mustBeRefused, Random random) {
        JsonNode sample = sample(operation, schema, 0, random);
        List<Field> fields = new ArrayList<>();
        collect(operation, schema, sample, null, null, fields, 0);
        switch (breakage) {
            case WRONG_TYPE -> breakType(fields, random);
            case MISSING_REQUIRED -> {
                List<Field> required = fields.stream().filter(Field::required).toList();
                if (required.isEmpty()) {
                    breakType(fields, random);
                } else {
                    Field field = pick(random, required);
                    field.parent().remove(field.name());
                }
            }
            case NUL_IN_STRING -> {
                if (!setString(fields, random, "before\u0000after")) {
                    breakType(fields, random);
                }
            }
            case INVALID_UTF8 -> {
                byte[] json = bytes(sample);
                byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
                String text = new String(json, StandardCharsets.UTF_8);
                int quote = text.indexOf("\":\"");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (quote < 0) {
                    out.writeBytes("{\"".getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(bad);
                    out.writeBytes("\":1}".getBytes(StandardCharsets.UTF_8));
                } else {
                    int at = text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
                    out.write(json, 0, at);
                    out.writeBytes(bad);
                    out.write(json, at, json.length - at);
                }
                return out.toByteArray();
            }
            case DEEP_JSON -> {
                int depth = 2_000 + random.nextInt(50_000);
                String deep = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                String json = new String(bytes(sample), StandardCharsets.UTF_8);
                return (json.startsWith("{\"") && json.length() > 2
                        ? "{\"deep\":" + deep + "," + json.substring(1) : deep).getBytes(StandardCharsets.UTF_8);
            }
            case NOT_JSON -> {
                return pick(random, List.of("{", "{\"a\":}", "nul", "{'single': 'quotes'}", "<xml/>", "\u0000",
                        "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "\"unterminated", "--\r\n", "1 2"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case WRONG_ROOT -> {
                return pick(random, List.of("[]", "\"a string\"", "42", "null", "true", "[{}]"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case EMPTY_BODY -> {
                return new byte[0];
            }
            case WRONG_CONTENT_TYPE -> {
                if (mustBeRefused || random.nextBoolean()) {
                    breakType(fields, random);
                }
            }
            case HUGE_STRING -> {
                setString(fields, random, "x".repeat(100_000 + random.nextInt(400_000)));
                if (mustBeRefused) {
                    breakType(fields, random);
                }
            }
            case HUGE_ARRAY -> {
                ArrayNode huge = NODES.arrayNode();
                for (int i = 0; i < 20_000; i++) {
                    huge.add(i);
                }
                List<Field> arrays = fields.stream().filter(f -> f.value() != null && f.value().isArray()).toList();
                if (!arrays.isEmpty()) {
                    Field field = pick(random, arrays);
                    field.parent().set(field.name(), huge);
                } else if (sample.isObject()) {
                    ((ObjectNode) sample).set("items", huge);
                }
                if (mustBeRefused) {
                    breakType(fields, random);
                }
            }
            case SQL_FRAGMENT, SCRIPT_FRAGMENT -> {
                List<String> fragments = breakage == Breakage.SQL_FRAGMENT ? SQL : SCRIPT;
                for (Field field : fields) {
                    if (field.value() != null && field.value().isTextual()) {
                        field.parent().put(field.name(), pick(random, fragments));
                    }
                }
                if (mustBeRefused) {
                    breakType(fields, random);
                }
            }
            case EXTRA_FIELDS -> {
                if (sample.isObject()) {
                    ((ObjectNode) sample).put("role", "admin").put("user_id", 1).put("id", 1)
                            .put("__proto__", "x").put("is_admin", true);
                }
                if (mustBeRefused) {
                    breakType(fields, random);
                }
            }
            default -> throw new IllegalStateException("not a body breakage: " + breakage);
        }
        byte[] json = bytes(sample);
        if (fields.isEmpty() && mustBeRefused && !sample.isObject()) {
            return "{\"not\":\"the documented shape\"}".getBytes(StandardCharsets.UTF_8);
        }
        if (fields.isEmpty() && mustBeRefused) {
            return "[\"not an object\"]".getBytes(StandardCharsets.UTF_8);
        }
        return json;
    }

    record Field(ObjectNode parent, String name, JsonNode schema, boolean required) {
        JsonNode value() {
            return parent.get(name);
        }
    }

    private static void collect(Operation operation, JsonNode schema, JsonNode value, ObjectNode parent, String name,
                                List<Field> into, int depth) {
        if (!value.isObject() || depth > 4) {
            return;
        }
        JsonNode resolved = operation.document().resolve(schema);
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String wire = wireName(property.getKey());
            JsonNode child = value.get(wire);
            if (child == null) {
                continue;
            }
            into.add(new Field((ObjectNode) value, wire, operation.document().resolve(property.getValue()),
                    required.contains(property.getKey())));
            collect(operation, property.getValue(), child, (ObjectNode) value, wire, into, depth + 1);
        }
    }

    /** Gives one field a value of a JSON type its schema does not allow. */
    private static void breakType(List<Field> fields, Random random) {
        if (fields.isEmpty()) {
            return;
        }
        Field field = pick(random, fields);
        String type = type(field.schema());
        JsonNode wrong = switch (type) {
            case "integer", "number" -> random.nextBoolean() ? NODES.textNode("not a number")
                    : NODES.objectNode().put("n", 1);
            case "boolean" -> random.nextBoolean() ? NODES.textNode("maybe") : NODES.arrayNode().add(1);
            case "array" -> random.nextBoolean() ? NODES.objectNode().put("a", 1) : NODES.numberNode(7);
            case "object" -> random.nextBoolean() ? NODES.arrayNode().add("x") : NODES.numberNode(7);
            default -> random.nextBoolean() ? NODES.objectNode().put("s", "x") : NODES.arrayNode().add(1).add(2);
        };
        field.parent().set(field.name(), wrong);
    }

    private static boolean setString(List<Field> fields, Random random, String value) {
        List<Field> strings = fields.stream().filter(f -> f.value() != null && f.value().isTextual()).toList();
        if (strings.isEmpty()) {
            return false;
        }
        Field field = pick(random, strings);
        field.parent().put(field.name(), value);
        return true;
    }

    /** A plausible value for a schema: the shape the operation documents. */
    static JsonNode sample(Operation operation, JsonNode rawSchema, int depth, Random random) {
        JsonNode schema = operation.document().resolve(rawSchema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return options.size() == 0 ? NODES.textNode(MARKER.get()) : sample(operation, options.get(0), depth, random);
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(p ->
                            object.set(wireName(p.getKey()), sample(operation, p.getValue(), depth + 1, random)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(operation, schema.path("items"), depth + 1, random));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1 + random.nextInt(5));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> switch (schema.path("format").asText()) {
                case "date-time" -> NODES.textNode(Instant.now().toString());
                case "date" -> NODES.textNode(LocalDate.now().toString());
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "email" -> NODES.textNode(MARKER.get() + "@example.org");
                case "binary" -> NODES.textNode("binary");
                default -> NODES.textNode(MARKER.get());
            };
        };
    }

    /** The name on the wire: the suite's JSON is snake_case, whatever casing a document shows. */
    static String wireName(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    /** A path value of the right type that names nothing: a refused write cannot have touched real data. */
    private static String nonexistent(JsonNode schema, Random random) {
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return String.valueOf(8_000_000_000_000L + random.nextInt(1_000_000_000));
        }
        return MARKER.get() + "-nonexistent";
    }

    private static String badQueryValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> encode(pick(random, SQL));
            case 1 -> encode(pick(random, SCRIPT));
            case 2 -> "y".repeat(1_000 + random.nextInt(5_000));
            default -> pick(random, BAD_QUERY);
        };
    }

    private static String wrongType(String documented, Random random) {
        List<String> wrong = new ArrayList<>(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=fuzz", "multipart/form-data", "image/png", "bogus",
                "application/json-patch+json", ""));
        wrong.remove(documented);
        return pick(random, wrong);
    }

    private static String contentType(String documented) {
        return documented.equals("*/*") ? "application/json" : documented;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
