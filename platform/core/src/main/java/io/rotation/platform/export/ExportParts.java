package io.rotation.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.rotation.contracts.EventType;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.contracts.export.UserExportRequested;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service's answer to GDPR export requests (UserExportRequested): its part, a JSON object built
 * from the service's own schema by the {@link Section}s its repository declares, announced as
 * UserExportPartReady through the outbox on the transaction that claims the request, so that each
 * request is answered exactly once. Nothing is cut: list sections are read through a cursor, and a
 * part larger than {@code rotation.export.chunk-bytes} (256 KiB, well under Kafka's 1 MB message
 * limit) travels as chunks n of m, every chunk appended in that same transaction; a list longer
 * than one chunk continues in the next. user-features merges the chunks in order.
 */
@ApplicationScoped
public class ExportParts {

    /** Rows fetched from a section's cursor at a time. */
    private static final int FETCH = 500;
    /** Chunks written to the outbox per statement. */
    private static final int APPEND_BATCH = 8;

    /**
     * One field of a service's part. {@code sql} takes the user id as {@code $1} and selects one text
     * column: for a value section, one row holding the field's JSON value (null for none); for a
     * list section, one row per list element, each a JSON value, in the list's order.
     */
    public record Section(String name, String sql, boolean list) {

        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sql, "sql");
        }

        /** A field whose value is one JSON value (an object, a count). */
        public static Section value(String name, String sql) {
            return new Section(name, sql, false);
        }

        /** A field whose value is a list of any length, one row per element. */
        public static Section list(String name, String sql) {
            return new Section(name, sql, true);
        }
    }

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String service;
    private final int chunkBytes;

    public ExportParts(IdempotentConsumer consumer, Outbox outbox, ObjectMapper mapper,
                       @ConfigProperty(name = "quarkus.application.name") String service,
                       @ConfigProperty(name = "rotation.export.chunk-bytes", defaultValue = "262144") int chunkBytes) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.mapper = mapper;
        this.service = service;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Answers each fresh request in the batch.
     *
     * @param consumerName the name the requests are claimed under in processed_event
     * @param part         the fields of this service's part, in the order they appear
     */
    public Uni<Void> answer(ConsumerRecords<String, byte[]> records, String consumerName, List<Section> part) {
        List<Section> sections = List.copyOf(part);
        return consumer.consume(records, consumerName, EventType.USER_EXPORT_REQUESTED, this::decode,
                IdempotentConsumer.eachInTurn((connection, request) -> answer(connection, request.payload(), sections)));
    }

    private UserExportRequested decode(InboundEvent event) {
        UserExportRequested request = event.data(mapper, UserExportRequested.class);
        if (request.userId() <= 0 || request.exportId() == null || request.exportId().isBlank()) {
            throw new PoisonEventException("UserExportRequested without user_id or export_id");
        }
        return request;
    }

    private Uni<Void> answer(SqlConnection connection, UserExportRequested request, List<Section> sections) {
        Chunks chunks = new Chunks(chunkBytes);
        Uni<Void> read = Uni.createFrom().voidItem();
        for (Section section : sections) {
            read = read.chain(() -> section.list() ? list(connection, section, request.userId(), chunks)
                    : value(connection, section, request.userId(), chunks));
        }
        return read.chain(() -> announce(connection, request, chunks.finish()));
    }

    private static Uni<Void> value(SqlConnection connection, Section section, long userId, Chunks chunks) {
        return connection.preparedQuery(section.sql()).execute(Tuple.of(userId)).invoke(rows -> {
            String json = rows.size() == 0 ? null : rows.iterator().next().getString(0);
            chunks.value(section.name(), json == null ? "null" : json);
        }).replaceWithVoid();
    }

    private static Uni<Void> list(SqlConnection connection, Section section, long userId, Chunks chunks) {
        return connection.prepare(section.sql()).chain(statement -> {
            Cursor cursor = statement.cursor(Tuple.of(userId));
            chunks.startList(section.name());
            return readAll(cursor, chunks).eventually(() -> cursor.close().chain(statement::close));
        });
    }

    private static Uni<Void> readAll(Cursor cursor, Chunks chunks) {
        return cursor.read(FETCH).chain(rows -> {
            rows.forEach(row -> chunks.element(Objects.requireNonNullElse(row.getString(0), "null")));
            return cursor.hasMore() ? readAll(cursor, chunks) : Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> announce(SqlConnection connection, UserExportRequested request,
                               List<Map<String, Object>> chunks) {
        int m = chunks.size();
        Instant now = Instant.now();
        List<OutboundEvent> events = new ArrayList<>(m);
        for (int n = 1; n <= m; n++) {
            events.add(OutboundEvent.of(EventType.USER_EXPORT_PART_READY, request.userId(), new UserExportPartReady(
                    request.exportId(), request.userId(), service, chunks.get(n - 1), now, n, m)));
        }
        Uni<Void> append = Uni.createFrom().voidItem();
        for (int from = 0; from < m; from += APPEND_BATCH) {
            List<OutboundEvent> batch = events.subList(from, Math.min(m, from + APPEND_BATCH));
            append = append.chain(() -> outbox.append(connection, batch));
        }
        return append;
    }

    /**
     * Cuts a part into JSON objects of at most {@code budget} bytes (a single element larger than
     * that travels alone). Elements are kept as the JSON text the database produced.
     */
    static final class Chunks {

        /** Quotes, colon, brackets and comma around a field. */
        private static final int FIELD_OVERHEAD = 6;

        private final int budget;
        private final List<Map<String, Object>> done = new ArrayList<>();
        private Map<String, Object> current = new LinkedHashMap<>();
        private int size = 2;
        private int contents;
        private String listName;
        private List<RawValue> list;

        Chunks(int budget) {
            this.budget = budget;
        }

        void value(String name, String json) {
            int bytes = bytes(name) + bytes(json) + FIELD_OVERHEAD;
            makeRoom(bytes);
            current.put(name, new RawValue(json));
            size += bytes;
            contents++;
            listName = null;
            list = null;
        }

        void startList(String name) {
            listName = name;
            openList();
        }

        void element(String json) {
            int bytes = bytes(json) + 1;
            if (makeRoom(bytes)) {
                openList();
            }
            list.add(new RawValue(json));
            size += bytes;
            contents++;
        }

        List<Map<String, Object>> finish() {
            done.add(current);
            current = null;
            return done;
        }

        private void openList() {
            list = new ArrayList<>();
            current.put(listName, list);
            size += bytes(listName) + FIELD_OVERHEAD;
        }

        /** Starts a new chunk when {@code bytes} more would exceed the budget; true if it did. */
        private boolean makeRoom(int bytes) {
            if (contents == 0 || size + bytes <= budget) {
                return false;
            }
            done.add(current);
            current = new LinkedHashMap<>();
            size = 2;
            contents = 0;
            return true;
        }

        private static int bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
