package io.rotation.userfeatures.favorite.repository;

import io.rotation.userfeatures.favorite.model.FavoriteItem;
import io.rotation.userfeatures.shared.repository.UserTargetRepository;
import jakarta.inject.Singleton;

/** The {@code favorites} table: a user → a track, record, store or audio match. */
@Singleton
public class FavoriteRepository extends UserTargetRepository<FavoriteItem> {

    public FavoriteRepository() {
        super("favorites", "user_id", "favoritable_type", "favoritable_id", "",
                row -> new FavoriteItem(row.getString("favoritable_type"), row.getLong("favoritable_id"),
                        row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("available")));
    }
}
