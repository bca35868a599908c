package io.rotation.identity.discogs.repository;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.rotation.identity.discogs.service.DiscogsTokenKey;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Map;

/**
 * identity's connection pool, whose every session carries the Discogs token keys as session
 * settings ({@code rotation.discogs_token_key_<version>}), sent in the connection's start-up
 * message: SQL reads them with {@code current_setting}, so no statement ever carries a key as a
 * parameter or a literal, and neither slow-query nor statement logs can show one.
 */
@Singleton
public class DiscogsKeySessions implements PgPoolCreator {

    static final String SETTING_PREFIX = "rotation.discogs_token_key_";

    private final DiscogsTokenKey keys;

    public DiscogsKeySessions(DiscogsTokenKey keys) {
        this.keys = keys;
    }

    /** The SQL expression of the key of a version (an int expression), null when none is configured. */
    static String keyOf(String versionExpression) {
        return "current_setting('" + SETTING_PREFIX + "' || (" + versionExpression + ")::text, true)";
    }

    @Override
    public Pool create(Input input) {
        Map<Integer, String> all = keys.configured();
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            all.forEach((version, key) -> options.addProperty(SETTING_PREFIX + version, key));
        }
        return PgBuilder.pool().with(input.poolOptions())
                .connectingTo(new ArrayList<SqlConnectOptions>(input.pgConnectOptionsList()))
                .using(input.vertx()).build();
    }
}
