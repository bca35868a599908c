package io.rotation.userfeatures.collection.service;

import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.problem.UniqueViolation;
import io.rotation.userfeatures.collection.model.CollectionChanges;
import io.rotation.userfeatures.collection.model.CollectionItemView;
import io.rotation.userfeatures.collection.model.CollectionView;
import io.rotation.userfeatures.collection.model.NewCollection;
import io.rotation.userfeatures.collection.model.NewItem;
import io.rotation.userfeatures.collection.repository.CollectionRepository;
import io.rotation.userfeatures.collection.repository.CollectionRepository.Locked;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.Changed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Collections and their items. A private collection exists only for its owner (404 to anyone else);
 * a public one is readable by anyone, anonymous callers included, and changed only by its owner
 * (403 to others). Every change of a collection's items takes the collection row's lock first.
 */
@ApplicationScoped
public class CollectionService {

    private final Pool pool;
    private final CollectionRepository collections;
    private final ReferenceRepository references;
    private final ErasedUsers erasedUsers;

    public CollectionService(Pool pool, CollectionRepository collections, ReferenceRepository references,
                             ErasedUsers erasedUsers) {
        this.pool = pool;
        this.collections = collections;
        this.references = references;
        this.erasedUsers = erasedUsers;
    }

    public Uni<CollectionView> create(long userId, NewCollection collection) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                        .chain(() -> collections.insert(connection, userId, collection)))
                .onFailure(UniqueViolation::is).transform(e -> nameTaken());
    }

    /** @param callerId null for an anonymous caller */
    public Uni<CollectionView> get(Long callerId, long id) {
        return collections.find(pool, id).invoke(found -> {
            if (found == null || !(found.isPublic() || isOwner(callerId, found.userId()))) {
                throw notFound(id);
            }
        });
    }

    public Uni<CollectionView> update(long userId, long id, CollectionChanges changes) {
        if (changes.isEmpty()) {
            throw ProblemException.invalidField("body", "must change name, description or is_public");
        }
        return inOwnedCollection(userId, id, (connection, locked) -> collections.update(connection, id, changes))
                .onFailure(UniqueViolation::is).transform(e -> nameTaken());
    }

    public Uni<Void> delete(long userId, long id) {
        return inOwnedCollection(userId, id, (connection, locked) -> collections.delete(connection, id));
    }

    /** @param includePrivate whether the caller is the user (their own list) */
    public Uni<Page<CollectionView>> listOf(long userId, boolean includePrivate, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return collections.listOf(pool, userId, includePrivate, at, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, c -> List.of(c.createdAt(), c.id())));
    }

    public Uni<Page<CollectionItemView>> items(Long callerId, long id, PageRequest page) {
        int after = page.first() ? -1 : page.afterPart(0, Integer::valueOf);
        return get(callerId, id).chain(collection -> collections.items(pool, id, after, page.limit() + 1))
                .map(rows -> page.page(rows, item -> List.of(item.position())));
    }

    /** A track already in the collection is answered as it is (created false), wherever it stands. */
    public Uni<Changed<CollectionItemView>> addItem(long userId, long id, NewItem item) {
        return inOwnedCollection(userId, id, (connection, locked) -> collections
                .findItemByTrack(connection, id, item.trackId())
                .chain(existing -> existing != null ? Uni.createFrom().item(new Changed<>(existing, false))
                        : references.track(connection, item.trackId()).chain(track -> {
                            if (track == null) {
                                throw ReferenceRepository.missing(Reference.track, item.trackId(), "track_id");
                            }
                            int position = item.position() == null ? locked.itemCount()
                                    : requirePosition(item.position(), locked.itemCount());
                            return collections.insertItem(connection, id, track.trackId(), track.recordId(), position,
                                            track.durationSeconds(), item.note())
                                    .chain(itemId -> collections.findItem(connection, id, itemId))
                                    .map(created -> new Changed<>(created, true));
                        })));
    }

    public Uni<CollectionItemView> moveItem(long userId, long id, long itemId, int position) {
        return inOwnedCollection(userId, id, (connection, locked) -> existingItem(connection, id, itemId)
                .chain(item -> {
                    int to = requirePosition(position, locked.itemCount() - 1);
                    return item.position() == to ? Uni.createFrom().item(item)
                            : collections.moveItem(connection, id, itemId, item.position(), to)
                            .chain(() -> collections.findItem(connection, id, itemId));
                }));
    }

    public Uni<Void> removeItem(long userId, long id, long itemId) {
        return inOwnedCollection(userId, id, (connection, locked) -> existingItem(connection, id, itemId)
                .chain(item -> collections.deleteItem(connection, id, itemId, item.position())));
    }

    /** Runs {@code work} in a transaction holding the collection's lock, once the caller is its owner. */
    private <T> Uni<T> inOwnedCollection(long userId, long id, Work<T> work) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> collections.lock(connection, id))
                .chain(locked -> {
                    if (locked == null || (!locked.isPublic() && locked.userId() != userId)) {
                        throw notFound(id);
                    }
                    if (locked.userId() != userId) {
                        throw new ProblemException(ProblemType.FORBIDDEN, "only its owner may change collection " + id);
                    }
                    return work.apply(connection, locked);
                }));
    }

    private Uni<CollectionItemView> existingItem(SqlConnection connection, long id, long itemId) {
        return collections.findItem(connection, id, itemId).invoke(item -> {
            if (item == null) {
                throw ProblemException.notFound("item " + itemId + " of collection " + id);
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        Uni<T> apply(SqlConnection connection, Locked locked);
    }

    private static int requirePosition(int position, int last) {
        if (position > last) {
            throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE,
                    "position: must be between 0 and " + last,
                    List.of(new Problem.FieldError("position", "must be between 0 and " + last))));
        }
        return position;
    }

    private static boolean isOwner(Long callerId, long ownerId) {
        return callerId != null && callerId == ownerId;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("collection " + id);
    }

    private static ProblemException nameTaken() {
        return new ProblemException(Problem.of(ProblemType.CONFLICT, "name: you already have a collection of this name",
                List.of(new Problem.FieldError("name", "you already have a collection of this name"))));
    }
}
