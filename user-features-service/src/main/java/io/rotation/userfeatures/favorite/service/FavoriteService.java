package io.rotation.userfeatures.favorite.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FavoriteChanged;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.favorite.model.FavoriteItem;
import io.rotation.userfeatures.favorite.repository.FavoriteRepository;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.projection.repository.ReferenceRepository;
import io.rotation.userfeatures.shared.Changed;
import io.rotation.userfeatures.shared.service.UserTargets;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A user's favorites, a "user → typed target" relation ({@link UserTargets}): idempotent, each
 * change committed with its FavoriteAdded / FavoriteRemoved event.
 */
@ApplicationScoped
public class FavoriteService {

    public static final Reference[] TYPES = {Reference.track, Reference.record, Reference.store, Reference.audio_match};

    private final UserTargets<FavoriteItem> favorites;

    public FavoriteService(Pool pool, FavoriteRepository favorites, ReferenceRepository references,
                           ErasedUsers erasedUsers, Outbox outbox) {
        this.favorites = new UserTargets<>(pool, favorites, references, erasedUsers, outbox, EventType.FAVORITE_ADDED,
                EventType.FAVORITE_REMOVED, FavoriteChanged::new);
    }

    /** A favorite the user already has is answered as it is (even if its thing went away since). */
    public Uni<Changed<FavoriteItem>> add(long userId, Reference type, long id) {
        return favorites.add(userId, type, id);
    }

    /** @return whether a favorite was removed (false: there was none) */
    public Uni<Boolean> remove(long userId, Reference type, long id) {
        return favorites.remove(userId, type, id);
    }

    public Uni<Page<FavoriteItem>> list(long userId, Reference type, PageRequest page) {
        return favorites.list(userId, type, page);
    }
}
