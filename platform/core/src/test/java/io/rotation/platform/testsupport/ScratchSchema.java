package io.rotation.platform.testsupport;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A throw-away schema in the real local Postgres with the platform's tables (its Liquibase SQL,
 * which is plain SQL), for platform/core's own tests; dropped on close. Host and port come from
 * {@code rotation.test.db.host/port} (default the local stack, 127.0.0.1:5432).
 */
public final class ScratchSchema implements AutoCloseable {

    private static final String HOST = System.getProperty("rotation.test.db.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("rotation.test.db.port", 5432);
    private static final String DATABASE = System.getProperty("rotation.test.db.name", "rotation");
    private static final String USER = System.getProperty("rotation.test.db.user", "postgres");

    public final String name = "platform_test_" + UUID.randomUUID().toString().substring(0, 8);
    public final String applicationName = name + "_app";
    private final Vertx vertx = Vertx.vertx();
    private final List<Pool> pools = new ArrayList<>();

    public ScratchSchema() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create schema " + name);
            s.execute("set search_path = " + name);
            s.execute(platformChangelog());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot create scratch schema " + name, e);
        }
    }

    /**
     * Runs {@code work} on a new duplicated Vert.x context of the pools' Vert.x, as Quarkus runs a request
     * or a consumed message (where the OpenTelemetry context lives), and waits for its result.
     */
    public <T> T onDuplicatedContext(Supplier<Uni<T>> work,
                                     Duration timeout) {
        CompletableFuture<T> done = new CompletableFuture<>();
        VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext())
                .runOnContext(ignored -> work.get().subscribe().with(done::complete, done::completeExceptionally));
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reactive pool whose connections work in this schema. */
    public Pool pool(int size) {
        PgConnectOptions options = new PgConnectOptions().setHost(HOST).setPort(PORT).setDatabase(DATABASE)
                .setUser(USER).addProperty("search_path", name).addProperty("application_name", applicationName);
        Pool pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(size)).connectingTo(options)
                .using(vertx.getDelegate()).build());
        pools.add(pool);
        return pool;
    }

    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            c.createStatement().execute("set search_path = " + name);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= r.getMetaData().getColumnCount(); col++) {
                        row.put(r.getMetaData().getColumnLabel(col), r.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    public void execute(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            c.createStatement().execute("set search_path = " + name);
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        pools.forEach(p -> p.close().await().indefinitely());
        vertx.close().await().indefinitely();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema " + name + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDBC connection in this schema, for a test to hold locks with. */
    public Connection jdbc() throws SQLException {
        Connection c = connect();
        c.createStatement().execute("set search_path = " + name);
        return c;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, USER, "");
    }

    private static String platformChangelog() throws IOException {
        try (InputStream in = ScratchSchema.class.getResourceAsStream("/db/platform/changelog.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
