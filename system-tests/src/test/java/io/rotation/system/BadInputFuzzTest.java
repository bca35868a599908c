package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.system.BadRequests.Persona;
import io.rotation.system.BadRequests.Request;
import io.rotation.system.OpenApiOperations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad requests of every shape against every documented operation of every service, through the
 * gateway, as each persona: none may answer 5xx, every refusal is application/problem+json, and no
 * refused request writes a row. Every text a request carries holds its own marker
 * ({@link BadRequests#RUN}); after the run every table of the six schemas is searched for the run's
 * markers, and a row carrying the marker of a refused request is a failure. (Counting table writes
 * cannot tell: the database is shared with other test runs.)
 * <p>
 * The number of requests is {@code jqwik.tries.default} (system-tests/pom.xml: 1,500 in
 * {@code ./rotation test}; {@code -Drotation.fuzz.requests=12000} for the long run).
 */
class BadInputFuzzTest {

    private static final URI GATEWAY = URI.create(Gateway.URL);
    private static final String DB_URL = System.getProperty("rotation.db.url", "jdbc:postgresql://127.0.0.1:5432/rotation");
    private static final String DB_USER = System.getProperty("rotation.db.user", "postgres");
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(BadRequests.RUN) + "q\\d+x");

    private static List<Operation> operations;
    private static Map<Persona, String> tokens;
    /** The answer to each request, by its marker. */
    private static final Map<String, Integer> STATUS_BY_MARKER = new ConcurrentHashMap<>();
    private static final AtomicLong SENT = new AtomicLong();
    private static final Map<String, Long> BY_STATUS = new ConcurrentHashMap<>();
    private static final Map<String, Long> BY_SERVICE = new ConcurrentHashMap<>();
    private static final Set<String> OPERATIONS_HIT = ConcurrentHashMap.newKeySet();
    /** -Drotation.fuzz.collect=true: run every request, then list every failure (when fixing many at once). */
    private static final boolean COLLECT = Boolean.getBoolean("rotation.fuzz.collect");
    private static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> ACCEPTED_WRITES = Collections.synchronizedList(new ArrayList<>());

    @BeforeContainer
    static void readTheDocumentsAndWatchTheTables() throws Exception {
        operations = OpenApiOperations.load();
        assertThat(operations).as("operations in the services' OpenAPI documents").hasSizeGreaterThan(30);
        tokens = new EnumMap<>(Persona.class);
        tokens.put(Persona.LISTENER, Gateway.newListener().token());
        tokens.put(Persona.ADMIN, Gateway.adminToken());
        tokens.put(Persona.MANAGER, Gateway.newStoreManager().token());
    }

    @Property(shrinking = ShrinkingMode.OFF)
    void aBadRequestIsRefusedWithAProblemAndNeverFailsTheServer(@ForAll("badRequests") Request request)
            throws IOException {
        RawHttp.Response response = RawHttp.send(GATEWAY, request.method(), request.target(),
                request.headers().toArray(String[]::new), request.body());
        SENT.incrementAndGet();
        STATUS_BY_MARKER.put(request.marker(), response.status());
        BY_STATUS.merge(String.valueOf(response.status()), 1L, Long::sum);
        BY_SERVICE.merge(request.operation().service(), 1L, Long::sum);
        OPERATIONS_HIT.add(request.operation().service() + " " + request.operation());
        if (request.operation().writes() && response.status() < 300) {
            ACCEPTED_WRITES.add(response.status() + " " + request);
        }
        boolean serverFailed = response.status() >= 500;
        boolean plainRefusal = response.status() >= 400 && !String.valueOf(response.header("content-type"))
                .startsWith("application/problem+json");
        if (serverFailed || plainRefusal) {
            FAILURES.add(request + "\n→ " + response.raw());
            if (COLLECT) {
                return; // every failure of the run listed at the end, rather than the first one
            }
        }
        assertThat(response.status()).as("%s\n→ %s", request, response.raw()).isLessThan(500);
        assertThat(plainRefusal).as("a refusal without application/problem+json: %s\n→ %s", request, response.raw())
                .isFalse();
    }

    @Provide
    Arbitrary<Request> badRequests() {
        return BadRequests.of(operations, tokens);
    }

    @AfterContainer
    static void noRefusedRequestWroteARow() throws Exception {
        Thread.sleep(3_000); // what a consumer writes from an accepted request's event
        Map<String, Set<String>> rowsByTable = rowsCarryingTheRunsMarkers();
        List<String> written = new ArrayList<>();
        rowsByTable.forEach((table, markers) -> markers.forEach(marker -> {
            Integer status = STATUS_BY_MARKER.get(marker);
            if (status != null && status >= 400) {
                written.add(table + " holds a row of a request answered " + status + " (" + marker + ")");
            }
        }));
        String report = "requests sent: " + SENT.get() + "\nby status: " + new TreeMap<>(BY_STATUS)
                + "\nby service: " + new TreeMap<>(BY_SERVICE) + "\noperations hit: " + OPERATIONS_HIT.size()
                + " of " + operations.size() + "\naccepted writes: " + ACCEPTED_WRITES.size()
                + "\ntables with rows of accepted requests: " + rowsByTable.keySet()
                + "\nrows of refused requests: " + written.size() + "\nfailures: " + FAILURES.size() + "\n";
        Path file = Path.of("target", "bad-input-fuzz-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + String.join("\n", written) + "\n" + String.join("\n", ACCEPTED_WRITES) + "\n");
        Files.writeString(Path.of("target", "bad-input-fuzz-failures.txt"), String.join("\n\n", FAILURES));
        System.out.println("[bad-input fuzz]\n" + report);
        assertThat(written).as("rows written by refused requests").isEmpty();
        assertThat(FAILURES).as("requests answered 5xx, or refused without a problem").isEmpty();
    }

    /** The run's markers found in each table of the services' schemas (a partitioned table with its partitions). */
    private static Map<String, Set<String>> rowsCarryingTheRunsMarkers() throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, System.getProperty("rotation.db.password", ""))) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("""
                    select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p') and not c.relispartition
                      and n.nspname in ('identity', 'catalog', 'matching', 'user_features', 'analytics', 'config')""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
            for (String table : tables) {
                String sql = "select t::text from " + table + " t where t::text like ?";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, "%" + BadRequests.RUN + "q%");
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            Matcher m = MARKER.matcher(rows.getString(1));
                            while (m.find()) {
                                found.computeIfAbsent(table, t -> new TreeSet<>()).add(m.group());
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
