package io.rotation.userfeatures.feedback.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.userfeatures.collection.repository.CollectionRepository;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.feedback.model.FeedbackStatus;
import io.rotation.userfeatures.feedback.model.FeedbackType;
import io.rotation.userfeatures.feedback.model.FeedbackView;
import io.rotation.userfeatures.feedback.model.NewFeedback;
import io.rotation.userfeatures.feedback.model.Triage;
import io.rotation.userfeatures.feedback.repository.FeedbackRepository;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports from users and their triage by admins. A report and its FeedbackSubmitted event commit
 * together; what a report names must exist (422 naming the field). A reporter sees only their own
 * reports; admins see and triage all of them.
 */
@ApplicationScoped
public class FeedbackService {

    /** The audit trail's action for an admin's triage of a report. */
    public static final String ACTION_TRIAGED = "feedback_triaged";

    static final List<String> ENTITY_TYPES = List.of("track", "record", "store", "audio_match", "user", "collection");
    static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    private static final Set<String> TRIAGE_FIELDS = Set.of("status", "assigned_to", "resolution", "priority");

    private final Pool pool;
    private final FeedbackRepository feedback;
    private final ReferenceRepository references;
    private final CollectionRepository collections;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;

    public FeedbackService(Pool pool, FeedbackRepository feedback, ReferenceRepository references,
                           CollectionRepository collections, ErasedUsers erasedUsers, Outbox outbox) {
        this.pool = pool;
        this.feedback = feedback;
        this.references = references;
        this.collections = collections;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
    }

    public Uni<FeedbackView> submit(long userId, NewFeedback report) {
        FeedbackType type = parse("feedback_type", report.feedbackType(), FeedbackType.class);
        if ((report.entityType() == null) != (report.entityId() == null)) {
            throw ProblemException.invalidField(report.entityType() == null ? "entity_type" : "entity_id",
                    "entity_type and entity_id go together");
        }
        if (report.entityType() != null && !ENTITY_TYPES.contains(report.entityType())) {
            throw ProblemException.invalidField("entity_type", "must be one of " + ENTITY_TYPES);
        }
        if (type == FeedbackType.bad_match && report.audioMatchId() == null) {
            throw ProblemException.invalidField("audio_match_id", "is required for a bad_match report");
        }
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> requireEntity(connection, userId, report))
                .chain(() -> report.audioMatchId() == null ? Uni.createFrom().voidItem()
                        : references.requireAvailable(connection, Reference.audio_match, report.audioMatchId(),
                        "audio_match_id"))
                .chain(() -> feedback.insert(connection, userId, type, report))
                .call(stored -> outbox.append(connection, OutboundEvent.of(EventType.FEEDBACK_SUBMITTED, stored.id(),
                        new FeedbackSubmitted(stored.id(), userId, stored.feedbackType(), stored.entityType(),
                                stored.entityId(), stored.audioMatchId(), stored.title(), stored.createdAt())))));
    }

    /** The reporter's own report, or any for an admin; 404 otherwise. */
    public Uni<FeedbackView> get(long callerId, boolean admin, long id) {
        return feedback.find(pool, id, false).invoke(found -> {
            if (found == null || !(admin || Long.valueOf(callerId).equals(found.userId()))) {
                throw ProblemException.notFound("feedback " + id);
            }
        });
    }

    /** Admins: every report; others: their own. */
    public Uni<Page<FeedbackView>> list(long callerId, boolean admin, String status, PageRequest page) {
        FeedbackStatus wanted = status == null ? null : parse("status", status, FeedbackStatus.class);
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return feedback.list(pool, admin ? null : callerId, wanted, at, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, f -> List.of(f.createdAt(), f.id())));
    }

    /**
     * An admin's triage: status, assignee, resolution note, priority. Closing needs a resolution note.
     * The change and its audit entry (who, the old and new status, assignee and priority, whether the
     * note changed, the request's id and address) commit together.
     */
    public Uni<FeedbackView> triage(long id, JsonNode body, AuditActor actor) {
        Triage triage = readTriage(body);
        return pool.withTransaction(connection -> feedback.find(connection, id, true)
                .chain(current -> {
                    if (current == null) {
                        throw ProblemException.notFound("feedback " + id);
                    }
                    boolean closing = triage.status() == FeedbackStatus.resolved
                            || triage.status() == FeedbackStatus.dismissed;
                    String note = triage.resolutionSet() ? triage.resolution() : current.resolution();
                    if (closing && (note == null || note.isBlank())) {
                        throw ProblemException.invalidField("resolution", "is required to resolve or dismiss a report");
                    }
                    Uni<Void> assignee = triage.assignedTo() == null ? Uni.createFrom().voidItem()
                            : references.requireAvailable(connection, Reference.user, triage.assignedTo(), "assigned_to");
                    return assignee.chain(() -> feedback.triage(connection, id, triage))
                            .call(after -> outbox.append(connection, AuditEntries.entry(actor, ACTION_TRIAGED, "feedback", id,
                                    triageValues(current), triageValues(after))));
                }));
    }

    /** The triage fields an audit entry records; the note's text stays in the report. */
    private static Map<String, Object> triageValues(FeedbackView report) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", report.status());
        values.put("assigned_to", report.assignedTo());
        values.put("priority", report.priority());
        values.put("has_resolution", report.resolution() != null && !report.resolution().isBlank());
        return values;
    }

    private Uni<Void> requireEntity(SqlConnection connection, long userId, NewFeedback report) {
        if (report.entityType() == null) {
            return Uni.createFrom().voidItem();
        }
        if ("collection".equals(report.entityType())) {
            return collections.find(connection, report.entityId()).invoke(found -> {
                if (found == null || !(found.isPublic() || found.userId() == userId)) {
                    throw new ProblemException(Problem.of(io.rotation.platform.problem.ProblemType.UNPROCESSABLE,
                            "entity_id: collection " + report.entityId() + " does not exist",
                            List.of(new Problem.FieldError("entity_id", "collection " + report.entityId() + " does not exist"))));
                }
            }).replaceWithVoid();
        }
        return references.requireAvailable(connection, Reference.valueOf(report.entityType()), report.entityId(),
                "entity_id");
    }

    private static Triage readTriage(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ProblemException.invalidField("body", "must change status, assigned_to, resolution or priority");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!TRIAGE_FIELDS.contains(field)) {
                throw ProblemException.invalidField(field, "cannot be changed by triage");
            }
        });
        FeedbackStatus status = null;
        if (body.has("status")) {
            status = parse("status", body.get("status").isTextual() ? body.get("status").textValue() : null,
                    FeedbackStatus.class);
        }
        JsonNode assignee = body.get("assigned_to");
        if (assignee != null && !assignee.isNull() && !(assignee.canConvertToLong() && assignee.isIntegralNumber()
                && assignee.longValue() > 0)) {
            throw ProblemException.invalidField("assigned_to", "must be a user id or null");
        }
        JsonNode resolution = body.get("resolution");
        if (resolution != null && !resolution.isNull() && !(resolution.isTextual() && resolution.textValue().length() <= 5000)) {
            throw ProblemException.invalidField("resolution", "must be text of at most 5000 characters, or null");
        }
        JsonNode priority = body.get("priority");
        if (priority != null && !(priority.isTextual() && PRIORITIES.contains(priority.textValue()))) {
            throw ProblemException.invalidField("priority", "must be one of " + PRIORITIES);
        }
        return new Triage(status, assignee != null, assignee == null || assignee.isNull() ? null : assignee.longValue(),
                resolution != null, resolution == null || resolution.isNull() ? null : resolution.textValue(),
                priority == null ? null : priority.textValue());
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Problem.invalid(field + ": must be one of "
                    + Arrays.toString(type.getEnumConstants()),
                    List.of(new Problem.FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())))));
        }
    }
}
