package io.rotation.userfeatures.export.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.rotation.contracts.EventType;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.contracts.export.UserExportRequested;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.export.model.ExportDocument;
import io.rotation.userfeatures.export.model.ExportStatus;
import io.rotation.userfeatures.export.repository.ExportRepository;
import io.rotation.userfeatures.export.repository.ExportRepository.ExportRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * GDPR right of access. user-features owns exports: it holds most of what a listener has (library,
 * plays), it already answers for the listener's own data, and identity stays small. A request
 * stores user-features' own part and announces UserExportRequested in one transaction; every other
 * service answers with its part over Kafka, in chunks when it is large; the export is complete when
 * every chunk of every expected service arrived. Exports are personal data: they expire and are deleted, and erasure removes them.
 */
@ApplicationScoped
public class ExportService {

    static final String SELF = "user-features-service";
    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final Pool pool;
    private final ExportRepository exports;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final List<String> services;
    private final Duration retention;
    private final Duration dedupeWindow;

    public ExportService(Pool pool, ExportRepository exports, ErasedUsers erasedUsers, Outbox outbox,
                         ObjectMapper mapper, @ConfigProperty(name = "rotation.export.services") List<String> services,
                         @ConfigProperty(name = "rotation.export.retention") Duration retention,
                         @ConfigProperty(name = "rotation.export.dedupe-window") Duration dedupeWindow) {
        this.pool = pool;
        this.exports = exports;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
        this.mapper = mapper;
        this.services = List.copyOf(services);
        this.retention = retention;
        this.dedupeWindow = dedupeWindow;
    }

    /** Starts an export, or answers the one still pending from a recent request. */
    public Uni<ExportStatus> request(long userId) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> exports.pendingSince(connection, userId, dedupeWindow))
                .chain(pending -> pending != null ? Uni.createFrom().item(pending) : start(connection, userId))
                .chain(row -> status(connection, row)));
    }

    private Uni<ExportRow> start(SqlConnection connection, long userId) {
        UUID id = UUID.randomUUID();
        return exports.insert(connection, id, userId, retention)
                .call(row -> exports.insertOwnPart(connection, id, userId, SELF))
                .call(row -> outbox.append(connection, OutboundEvent.of(EventType.USER_EXPORT_REQUESTED, userId,
                        new UserExportRequested(id.toString(), userId, row.requestedAt()))));
    }

    /** The export as its owner sees it: the document when complete, its progress otherwise; 404 to others. */
    public Uni<Object> get(long userId, UUID id) {
        return exports.find(pool, id).chain(row -> {
            if (row == null || row.userId() != userId) {
                throw ProblemException.notFound("export " + id);
            }
            return row.completedAt() == null ? status(pool, row).map(Object.class::cast)
                    : exports.parts(pool, id).map(parts -> (Object) document(row, parts));
        });
    }

    /** Stores a chunk of a part sent by another service, in the consumer's transaction. */
    public Uni<Void> receive(SqlConnection connection, Decoded<UserExportPartReady> part) {
        UserExportPartReady p = part.payload();
        UUID id;
        try {
            id = UUID.fromString(p.exportId());
        } catch (IllegalArgumentException e) {
            LOG.warnf("export part from %s with a bad export id %s dropped", p.service(), p.exportId());
            return Uni.createFrom().voidItem();
        }
        if (!services.contains(p.service())) {
            LOG.warnf("export part from unexpected service %s dropped", p.service());
            return Uni.createFrom().voidItem();
        }
        int chunk = p.chunkNumber();
        int chunks = p.chunkCount();
        if (chunks < 1 || chunk < 1 || chunk > chunks) {
            LOG.warnf("export part from %s numbered chunk %d of %d dropped", p.service(), chunk, chunks);
            return Uni.createFrom().voidItem();
        }
        return exports.insertPart(connection, id, p.userId(), p.service(), json(p.data()), chunk, chunks,
                services.size());
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        return exports.deleteExpired(pool).invoke(n -> {
            if (n > 0) {
                LOG.infof("deleted %d expired exports", n);
            }
        }).replaceWithVoid();
    }

    private Uni<ExportStatus> status(SqlClient client, ExportRow row) {
        return exports.completeServices(client, row.id()).map(complete -> progress(row, complete));
    }

    /** Progress: a service counts as received once every chunk of its part is in. */
    private ExportStatus progress(ExportRow row, List<String> complete) {
        List<String> waiting = new ArrayList<>(services);
        waiting.removeAll(complete);
        return new ExportStatus(row.id(), row.completedAt() == null ? "pending" : "ready", row.requestedAt(),
                row.expiresAt(), complete, waiting);
    }

    private ExportDocument document(ExportRow row, Map<String, List<String>> parts) {
        Map<String, JsonNode> byService = new LinkedHashMap<>();
        parts.forEach((service, chunks) -> byService.put(service, merge(chunks)));
        return new ExportDocument(row.id(), row.userId(), "ready", row.requestedAt(), row.completedAt(),
                row.expiresAt(), byService);
    }

    /** A part from its chunks, in chunk order: a list split across chunks is concatenated. */
    private ObjectNode merge(List<String> chunks) {
        ObjectNode part = mapper.createObjectNode();
        for (String chunk : chunks) {
            tree(chunk).fields().forEachRemaining(field -> {
                JsonNode before = part.get(field.getKey());
                if (before instanceof ArrayNode list && field.getValue() instanceof ArrayNode more) {
                    list.addAll(more);
                } else {
                    part.set(field.getKey(), field.getValue());
                }
            });
        }
        return part;
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String json(Map<String, Object> data) {
        try {
            return mapper.writeValueAsString(data == null ? Map.of() : data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
