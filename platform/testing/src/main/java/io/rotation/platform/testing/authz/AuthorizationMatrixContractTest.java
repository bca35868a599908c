package io.rotation.platform.testing.authz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorisation matrix of one service, inherited by a {@code @QuarkusTest} per service: every
 * operation of the service's OpenAPI document has a row in {@link AuthorizationMatrix#LOCATION}
 * (an endpoint missing from the table fails), and every row's call answers each persona as the
 * table says, with problem+json for refusals.
 */
public abstract class AuthorizationMatrixContractTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** The service's section in the matrix, e.g. {@code catalog-service}. */
    protected abstract String service();

    /** What the calls act on; called once per row, and again per call for rows marked fresh. */
    protected MatrixFixture newFixture() {
        return MintedPersonas.fresh();
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() {
        Set<String> documented = documentedOperations();
        Set<String> inTable = new TreeSet<>();
        AuthorizationMatrix.rowsOf(service()).forEach(row -> inTable.add(row.operation()));

        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(inTable);
        Set<String> stale = new TreeSet<>(inTable);
        stale.removeAll(documented);
        stale.removeIf(operation -> !operation.contains(" /api/"));
        assertTrue(missing.isEmpty(), () -> "endpoints of " + service() + " missing from "
                + AuthorizationMatrix.LOCATION + ": " + missing);
        assertTrue(stale.isEmpty(), () -> "rows of " + service() + " in " + AuthorizationMatrix.LOCATION
                + " for endpoints that do not exist: " + stale);
    }

    @TestFactory
    Stream<DynamicTest> answersEveryPersonaAsTheMatrixSays() {
        List<MatrixRow> rows = AuthorizationMatrix.rowsOf(service());
        List<DynamicTest> tests = new ArrayList<>();
        for (MatrixRow row : rows) {
            tests.add(DynamicTest.dynamicTest(row.operation(), () -> checkRow(row)));
        }
        return tests.stream();
    }

    private void checkRow(MatrixRow row) {
        MatrixFixture shared = newFixture();
        List<String> wrong = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            MatrixFixture fixture = row.freshFixture() ? newFixture() : shared;
            String expected = row.expected().get(persona);
            Response response = call(row, fixture, persona);
            int status = response.statusCode();
            if (!matches(expected, status)) {
                wrong.add(persona.column() + ": expected " + expected + ", got " + status + " "
                        + abbreviate(response.asString()));
            } else if (status == 401 || status == 403 || status == 404) {
                String contentType = response.contentType();
                if (contentType == null || !contentType.startsWith("application/problem+json")) {
                    wrong.add(persona.column() + ": " + status + " without problem+json (" + contentType + ")");
                }
            }
        }
        if (!wrong.isEmpty()) {
            fail(row.operation() + " via " + row.call() + "\n  " + String.join("\n  ", wrong));
        }
    }

    private static Response call(MatrixRow row, MatrixFixture fixture, Persona persona) {
        String uniq = UUID.randomUUID().toString().substring(0, 8);
        RequestSpecification request = given().redirects().follow(false);
        String token = fixture.token(persona);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!row.body().isEmpty()) {
            request.contentType("application/json").body(fill(row.body(), fixture.values(), uniq));
        }
        return request.request(row.method(), fill(row.call(), fixture.values(), uniq));
    }

    static String fill(String template, Map<String, String> values, String uniq) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = "uniq".equals(name) ? uniq : values.get(name);
            if (value == null) {
                throw new IllegalStateException("the fixture has no value for {" + name + "} in " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * {@code allow} is a 2xx: only a call that succeeded proves it passed the authorisation code (a
     * 400, 409 or 422 can come from validation that runs before it). A row whose allowed call answers
     * otherwise on purpose states that status exactly.
     */
    static boolean matches(String expected, int status) {
        if ("allow".equals(expected)) {
            return status >= 200 && status < 300;
        }
        return Integer.toString(status).equals(expected);
    }

    private Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
