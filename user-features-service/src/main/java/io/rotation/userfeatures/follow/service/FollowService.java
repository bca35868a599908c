package io.rotation.userfeatures.follow.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FollowChanged;
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
import io.rotation.userfeatures.shared.service.UserTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Follows of stores and users, a "user → typed target" relation like favorites ({@link UserTargets}):
 * idempotent, each change committed with its FollowAdded / FollowRemoved event; nobody follows themself.
 */
@ApplicationScoped
public class FollowService {

    public static final Reference[] TYPES = {Reference.store, Reference.user};

    private final Pool pool;
    private final FollowRepository follows;
    private final UserTargets<FollowItem> targets;

    public FollowService(Pool pool, FollowRepository follows, ReferenceRepository references, ErasedUsers erasedUsers,
                         Outbox outbox) {
        this.pool = pool;
        this.follows = follows;
        this.targets = new UserTargets<>(pool, follows, references, erasedUsers, outbox, EventType.FOLLOW_ADDED,
                EventType.FOLLOW_REMOVED, FollowChanged::new);
    }

    public Uni<Changed<FollowItem>> follow(long userId, Reference type, long id) {
        if (type == Reference.user && id == userId) {
            throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, "id: you cannot follow yourself",
                    List.of(new Problem.FieldError("id", "you cannot follow yourself"))));
        }
        return targets.add(userId, type, id);
    }

    public Uni<Boolean> unfollow(long userId, Reference type, long id) {
        return targets.remove(userId, type, id);
    }

    public Uni<Page<FollowItem>> following(long userId, Reference type, PageRequest page) {
        return targets.list(userId, type, page);
    }

    public Uni<Page<Follower>> followers(Reference type, long id, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return follows.followers(pool, type, id, at, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, f -> List.of(f.followedAt(), f.userId())));
    }
}
