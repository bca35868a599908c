package io.rotation.userfeatures.favorite.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.favorite.model.FavoriteItem;
import io.rotation.userfeatures.favorite.repository.FavoriteRepository;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.Changed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * A user's favorites. Adding and removing are idempotent; a change and its FavoriteAdded /
 * FavoriteRemoved event commit in one transaction, and a repeat changes nothing and announces nothing.
 */
@ApplicationScoped
public class FavoriteService {

    public static final Reference[] TYPES = {Reference.track, Reference.record, Reference.store, Reference.audio_match};

    private final Pool pool;
    private final FavoriteRepository favorites;
    private final ReferenceRepository references;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;

    public FavoriteService(Pool pool, FavoriteRepository favorites, ReferenceRepository references,
                           ErasedUsers erasedUsers, Outbox outbox) {
        this.pool = pool;
        this.favorites = favorites;
        this.references = references;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
    }

    /** A favorite the user already has is answered as it is (even if its thing went away since). */
    public Uni<Changed<FavoriteItem>> add(long userId, Reference type, long id) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> favorites.find(connection, userId, type, id))
                .chain(existing -> existing != null ? Uni.createFrom().item(new Changed<>(existing, false))
                        : references.requireAvailable(connection, type, id, null)
                        .chain(() -> favorites.insert(connection, userId, type, id))
                        .chain(inserted -> inserted == null
                                ? favorites.find(connection, userId, type, id).map(f -> new Changed<>(f, false))
                                : outbox.append(connection, announce(EventType.FAVORITE_ADDED, userId, type, id))
                                .replaceWith(new Changed<>(inserted, true)))));
    }

    /** @return whether a favorite was removed (false: there was none) */
    public Uni<Boolean> remove(long userId, Reference type, long id) {
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> favorites.delete(connection, userId, type, id))
                .call(deleted -> deleted
                        ? outbox.append(connection, announce(EventType.FAVORITE_REMOVED, userId, type, id))
                        : Uni.createFrom().voidItem()));
    }

    public Uni<Page<FavoriteItem>> list(long userId, Reference type, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        String afterType = page.first() ? null : page.afterPart(1, t -> Reference.valueOf(t).name());
        Long afterId = page.first() ? null : page.afterPart(2, Long::valueOf);
        return favorites.listNewestFirst(pool, userId, type, at, afterType, afterId, page.limit() + 1)
                .map(rows -> page.page(rows, f -> List.of(f.createdAt(), f.type(), f.id())));
    }

    private static OutboundEvent announce(EventType type, long userId, Reference kind, long id) {
        return OutboundEvent.of(type, userId, new FavoriteChanged(userId, kind.name(), id, Instant.now()));
    }
}
