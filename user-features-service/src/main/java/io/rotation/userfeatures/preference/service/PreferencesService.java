package io.rotation.userfeatures.preference.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.preference.model.Preferences;
import io.rotation.userfeatures.preference.repository.PreferencesRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One preferences document per user. PUT replaces it (absent fields take their defaults); PATCH
 * changes the fields it names, reading the row under a lock so that concurrent PATCHes of different
 * fields both land. The body is validated before anything is written.
 */
@ApplicationScoped
public class PreferencesService {

    private final Pool pool;
    private final PreferencesRepository preferences;
    private final ErasedUsers erasedUsers;

    public PreferencesService(Pool pool, PreferencesRepository preferences, ErasedUsers erasedUsers) {
        this.pool = pool;
        this.preferences = preferences;
        this.erasedUsers = erasedUsers;
    }

    public Uni<Preferences> get(long userId) {
        return preferences.find(pool, userId, false).map(found -> found == null ? Preferences.defaults() : found);
    }

    public Uni<Preferences> replace(long userId, JsonNode body) {
        Preferences replacement = PreferencesReader.apply(Preferences.defaults(), body);
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> preferences.save(connection, userId, replacement)));
    }

    public Uni<Preferences> patch(long userId, JsonNode body) {
        PreferencesReader.apply(Preferences.defaults(), body);
        return pool.withTransaction(connection -> erasedUsers.guardWrite(connection, userId)
                .chain(() -> preferences.find(connection, userId, true))
                .chain(current -> preferences.save(connection, userId,
                        PreferencesReader.apply(current == null ? Preferences.defaults() : current, body))));
    }
}
