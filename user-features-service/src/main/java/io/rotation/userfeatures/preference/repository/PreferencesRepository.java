package io.rotation.userfeatures.preference.repository;

import io.rotation.userfeatures.preference.model.Preferences;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/** {@code user_preferences}: one row per user, written whole. */
@ApplicationScoped
public class PreferencesRepository {

    private static final String COLUMNS = """
            preferred_platforms, preferred_genres, explicit_content, autoplay, audio_quality, language, theme,
            email_notifications, push_notifications, store_listing_notifications, updated_at""";

    /** @param lock whether to lock the row for a read-modify-write */
    public Uni<Preferences> find(SqlClient client, long userId, boolean lock) {
        return client.preparedQuery("select " + COLUMNS + " from user_preferences where user_id = $1"
                        + (lock ? " for update" : ""))
                .execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    public Uni<Preferences> save(SqlClient client, long userId, Preferences p) {
        return client.preparedQuery("""
                        insert into user_preferences (user_id, preferred_platforms, preferred_genres, explicit_content,
                            autoplay, audio_quality, language, theme, email_notifications, push_notifications,
                            store_listing_notifications)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        on conflict (user_id) do update set preferred_platforms = excluded.preferred_platforms,
                            preferred_genres = excluded.preferred_genres, explicit_content = excluded.explicit_content,
                            autoplay = excluded.autoplay, audio_quality = excluded.audio_quality,
                            language = excluded.language, theme = excluded.theme,
                            email_notifications = excluded.email_notifications,
                            push_notifications = excluded.push_notifications,
                            store_listing_notifications = excluded.store_listing_notifications
                        returning\s""" + COLUMNS)
                .execute(Tuple.tuple(List.of(userId, p.preferredPlatforms().toArray(String[]::new),
                        p.preferredGenres().toArray(String[]::new), p.explicitContent(), p.autoplay(),
                        p.audioQuality(), p.language(), p.theme(), p.emailNotifications(), p.pushNotifications(),
                        p.storeListingNotifications())))
                .map(rows -> of(rows.iterator().next()));
    }

    private static Preferences of(Row row) {
        return new Preferences(Arrays.asList(row.getArrayOfStrings("preferred_platforms")),
                Arrays.asList(row.getArrayOfStrings("preferred_genres")), row.getBoolean("explicit_content"),
                row.getBoolean("autoplay"), row.getString("audio_quality"), row.getString("language"),
                row.getString("theme"), row.getBoolean("email_notifications"), row.getBoolean("push_notifications"),
                row.getBoolean("store_listing_notifications"), row.getOffsetDateTime("updated_at").toInstant());
    }
}
