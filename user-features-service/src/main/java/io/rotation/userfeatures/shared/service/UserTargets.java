package io.rotation.userfeatures.shared.service;

import io.rotation.contracts.EventType;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.Changed;
import io.rotation.userfeatures.shared.model.TypedTarget;
import io.rotation.userfeatures.shared.repository.UserTargetRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Instant;
import java.util.List;

/**
 * Adding, removing and listing a user's typed targets (favorites, follows). Adding and removing are
 * idempotent; a change and its event commit in one transaction, and a repeat changes nothing and
 * announces nothing. A target must exist (and be available) to be added; one the user already has
 * is answered as it is, even if it went away since.
 */
public final class UserTargets<T extends TypedTarget> {

    /** The event announcing a change: (user, target type, target id, when) → payload. */
    @FunctionalInterface
    public interface Announcement {
        Record of(long userId, String type, long id, Instant at);
    }

    private final Pool pool;
    private final UserTargetRepository<T> rows;
    private final ReferenceRepository references;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;
    private final EventType added;
    private final EventType removed;
    private final Announcement announcement;

    public UserTargets(Pool pool, UserTargetRepository<T> rows, ReferenceRepository references,
                       ErasedUsers erasedUsers, Outbox outbox, EventType added, EventType removed,
                       Announcement announcement) {
        this.pool = pool;
        this.rows = rows;
        this.references = references;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
        this.added = added;
        this.removed = removed;
        this.announcement = announcement;
    }

    public Uni<Changed<T>> add(long userId, Reference type, long id) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> rows.find(connection, userId, type, id))
                .chain(existing -> existing != null ? Uni.createFrom().item(new Changed<>(existing, false))
                        : references.requireAvailable(connection, type, id, null)
                        .chain(() -> rows.insert(connection, userId, type, id))
                        .chain(inserted -> inserted == null
                                ? rows.find(connection, userId, type, id).map(f -> new Changed<>(f, false))
                                : outbox.append(connection, announce(added, userId, type, id))
                                .replaceWith(new Changed<>(inserted, true)))));
    }

    /** @return whether one was removed (false: there was none) */
    public Uni<Boolean> remove(long userId, Reference type, long id) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> rows.delete(connection, userId, type, id))
                .call(deleted -> deleted ? outbox.append(connection, announce(removed, userId, type, id))
                        : Uni.createFrom().voidItem()));
    }

    /** Newest first, of one type or (null) all, in cursor pages keyed (created_at, type, id). */
    public Uni<Page<T>> list(long userId, Reference type, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        String afterType = page.first() ? null : page.afterPart(1, t -> Reference.valueOf(t).name());
        Long afterId = page.first() ? null : page.afterPart(2, Long::valueOf);
        return rows.newestFirst(pool, userId, type, at, afterType, afterId, page.limit() + 1)
                .map(items -> page.page(items, f -> List.of(f.createdAt(), f.type(), f.id())));
    }

    private OutboundEvent announce(EventType type, long userId, Reference kind, long id) {
        return OutboundEvent.of(type, userId, announcement.of(userId, kind.name(), id, Instant.now()));
    }
}
