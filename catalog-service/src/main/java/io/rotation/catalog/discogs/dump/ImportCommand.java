package io.rotation.catalog.discogs.dump;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.discogs.ReleaseWriter;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.json.RotationObjectMapper;
import io.smallrye.mutiny.Uni;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Command-line import for ops, without starting the service: the same reader, batching and SQL as
 * {@code POST /api/v1/imports}, over plain JDBC, events appended to the outbox in each batch's
 * transaction (the running service's relay publishes them).
 *
 * <pre>
 * java -cp 'quarkus-app/lib/boot/*:quarkus-app/lib/main/*:quarkus-app/app/*' \
 *     io.rotation.catalog.discogs.dump.ImportCommand discogs_20200806_releases.xml.gz
 * </pre>
 * Database from ROTATION_DB_URL (default jdbc:postgresql://127.0.0.1:5432/rotation?currentSchema=catalog),
 * ROTATION_DB_USER / ROTATION_DB_PASSWORD (default catalog_svc). Exit 0 when done (skips listed), 2 on failure.
 * It does not reach Redis: record pages the running service cached before a re-import stay until their TTL
 * (24 h by default) unless evicted (e.g. {@code redis-cli --scan --pattern 'catalog:record:*' | xargs redis-cli del}).
 */
public final class ImportCommand {

    private static final String OUTBOX = """
            insert into outbox_event (event_id, topic, event_type, message_key, payload, occurred_at)
            values (?, ?, ?, ?, ?, ?)""";

    private ImportCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ImportCommand <discogs_*_releases.xml[.gz]>");
            System.exit(64);
        }
        String url = env("ROTATION_DB_URL", "jdbc:postgresql://127.0.0.1:5432/rotation?currentSchema=catalog");
        String user = env("ROTATION_DB_USER", "catalog_svc");
        String password = env("ROTATION_DB_PASSWORD", "catalog_svc");
        try {
            ImportProgress p = run(Path.of(args[0]), url, user, password,
                    Integer.parseInt(DumpImporter.DEFAULT_BATCH_SIZE));
            System.out.println("done: " + p);
            p.skipReasons().forEach(r -> System.out.println("skipped " + r));
        } catch (Exception e) {
            System.err.println("import failed: " + e);
            System.exit(2);
        }
    }

    /**
     * Imports the file over one JDBC connection, one transaction per batch, written on a thread of its own
     * so that the next batch is parsed meanwhile (the import writes one batch at a time).
     */
    public static ImportProgress run(Path file, String url, String user, String password, int batchSize)
            throws Exception {
        ObjectMapper json = RotationObjectMapper.create();
        ExecutorService jdbc = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "catalog-import-jdbc");
            t.setDaemon(true);
            return t;
        });
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            return DumpImporter.run(file.toAbsolutePath(), batchSize, releases -> Uni.createFrom().item(() -> {
                try {
                    ReleaseWriter.BatchResult result = write(connection, json, releases);
                    connection.commit();
                    return result;
                } catch (SQLException | JsonProcessingException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback);
                    }
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }).runSubscriptionOn(jdbc), new ImportProgress(), p -> System.out.println("progress: " + p));
        } finally {
            jdbc.shutdownNow();
        }
    }

    private static ReleaseWriter.BatchResult write(Connection c, ObjectMapper json, List<DumpRelease> releases)
            throws SQLException, JsonProcessingException {
        Map<Long, Long> recordIds = new HashMap<>();
        int inserted = 0;
        try (PreparedStatement s = c.prepareStatement(jdbc(ReleaseWriter.UPSERT_RECORDS))) {
            bind(c, s, ReleaseWriter.recordParams(releases, ReleaseWriter.Source.DISCOGS_DUMP));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recordIds.put(r.getLong("discogs_release_id"), r.getLong("id"));
                    inserted += r.getBoolean("inserted") ? 1 : 0;
                }
            }
        }
        ReleaseWriter.TrackArrays arrays = ReleaseWriter.TrackArrays.of(releases, recordIds);
        Map<String, Long> trackIds = new HashMap<>();
        if (((Object[]) arrays.tracks().get(0)).length > 0) {
            try (PreparedStatement s = c.prepareStatement(jdbc(ReleaseWriter.UPSERT_TRACKS))) {
                bind(c, s, arrays.tracks());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        trackIds.put(ReleaseWriter.trackKey(r.getLong("record_id"), r.getInt("track_index")),
                                r.getLong("id"));
                    }
                }
            }
        }
        if (((Object[]) arrays.subTracks().get(0)).length > 0) {
            try (PreparedStatement s = c.prepareStatement(jdbc(ReleaseWriter.LINK_SUB_TRACKS))) {
                bind(c, s, arrays.subTracks());
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement(jdbc(ReleaseWriter.DELETE_LEFTOVER_TRACKS))) {
            bind(c, s, arrays.counts());
            s.executeUpdate();
        }
        List<OutboundEvent> events = ReleaseWriter.events(releases, recordIds, trackIds);
        try (PreparedStatement s = c.prepareStatement(OUTBOX)) {
            for (OutboundEvent e : events) {
                s.setObject(1, e.id());
                s.setString(2, e.type().topic());
                s.setString(3, e.type().type());
                s.setString(4, e.key());
                s.setString(5, json.writeValueAsString(e.payload()));
                s.setObject(6, e.time().atOffset(ZoneOffset.UTC));
                s.addBatch();
            }
            s.executeBatch();
        }
        return new ReleaseWriter.BatchResult(inserted, releases.size() - inserted, events.size() - releases.size(),
                List.copyOf(recordIds.values()));
    }

    /** The writer's statements use $1..$n once each, in order: JDBC's ? fits them. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    private static void bind(Connection c, PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (!(params.get(i) instanceof Object[] values)) {
                s.setObject(i + 1, params.get(i));
                continue;
            }
            String type = values instanceof Long[] ? "int8" : values instanceof Integer[] ? "int4"
                    : values instanceof Boolean[] ? "bool" : "text";
            Array array = c.createArrayOf(type, values);
            s.setArray(i + 1, array);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
