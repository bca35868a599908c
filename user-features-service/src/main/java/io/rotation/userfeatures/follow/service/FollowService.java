package io.rotation.userfeatures.follow.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FollowChanged;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.follow.model.FollowItem;
import io.rotation.userfeatures.follow.model.Follower;
import io.rotation.userfeatures.follow.repository.FollowRepository;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.Changed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Follows of stores and users. Idempotent like favorites; each change commits with its FollowAdded /
 * FollowRemoved event.
 */
@ApplicationScoped
public class FollowService {

    public static final Reference[] TYPES = {Reference.store, Reference.user};

    private final Pool pool;
    private final FollowRepository follows;
    private final ReferenceRepository references;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;

    public FollowService(Pool pool, FollowRepository follows, ReferenceRepository references, ErasedUsers erasedUsers,
                         Outbox outbox) {
        this.pool = pool;
        this.follows = follows;
        this.references = references;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
    }

    public Uni<Changed<FollowItem>> follow(long userId, Reference type, long id) {
        if (type == Reference.user && id == userId) {
            throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, "id: you cannot follow yourself",
                    List.of(new Problem.FieldError("id", "you cannot follow yourself"))));
        }
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> follows.find(connection, userId, type, id))
                .chain(existing -> existing != null ? Uni.createFrom().item(new Changed<>(existing, false))
                        : references.requireAvailable(connection, type, id, null)
                        .chain(() -> follows.insert(connection, userId, type, id))
                        .chain(inserted -> inserted == null
                                ? follows.find(connection, userId, type, id).map(f -> new Changed<>(f, false))
                                : outbox.append(connection, announce(EventType.FOLLOW_ADDED, userId, type, id))
                                .replaceWith(new Changed<>(inserted, true)))));
    }

    public Uni<Boolean> unfollow(long userId, Reference type, long id) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> follows.delete(connection, userId, type, id))
                .call(deleted -> deleted
                        ? outbox.append(connection, announce(EventType.FOLLOW_REMOVED, userId, type, id))
                        : Uni.createFrom().voidItem()));
    }

    public Uni<Page<FollowItem>> following(long userId, Reference type, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        String afterType = page.first() ? null : page.afterPart(1, t -> Reference.valueOf(t).name());
        Long afterId = page.first() ? null : page.afterPart(2, Long::valueOf);
        return follows.following(pool, userId, type, at, afterType, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, f -> List.of(f.createdAt(), f.type(), f.id())));
    }

    public Uni<Page<Follower>> followers(Reference type, long id, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return follows.followers(pool, type, id, at, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, f -> List.of(f.followedAt(), f.userId())));
    }

    private static OutboundEvent announce(EventType type, long userId, Reference kind, long id) {
        return OutboundEvent.of(type, userId, new FollowChanged(userId, kind.name(), id, Instant.now()));
    }
}
