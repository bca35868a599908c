package io.rotation.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the service's Liquibase changelog, as its own role, on a new scratch database
 * bootstrapped like the real one, then once more on the migrated result; drops it afterwards.
 * Proves migrations work from empty and are idempotent.
 */
public final class MigrationRehearsal {

    /** Changesets applied by the first and by the second run. */
    public record Outcome(int firstRun, int secondRun) {
    }

    private MigrationRehearsal() {
    }

    public static Outcome runTwice() {
        Config config = ConfigProvider.getConfig();
        String superUrl = config.getOptionalValue("rotation.test.superuser.jdbc-url", String.class)
                .orElse("jdbc:postgresql://" + config.getOptionalValue("rotation.db.host", String.class)
                        .orElse("127.0.0.1") + ":" + config.getOptionalValue("rotation.db.port", String.class)
                        .orElse("5432") + "/postgres");
        String superUser = config.getOptionalValue("rotation.test.superuser.username", String.class).orElse("postgres");
        String superPassword = config.getOptionalValue("rotation.test.superuser.password", String.class).orElse("");
        String schema = config.getValue("rotation.db.schema", String.class);
        String scratch = "rotation_rehearsal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String scratchUrl = superUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + scratch + "$1");
        try {
            execute(superUrl, superUser, superPassword, "create database " + scratch);
            execute(scratchUrl, superUser, superPassword,
                    Files.readString(RepoRoot.find().resolve("deploy/local/sql/10-schemas-and-roles.sql")));
            String user = config.getValue("quarkus.datasource.username", String.class);
            String password = config.getValue("quarkus.datasource.password", String.class);
            String url = scratchUrl + (scratchUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            int first = migrate(url, user, password, schema);
            int second = migrate(url, user, password, schema);
            return new Outcome(first, second);
        } catch (IOException | SQLException | LiquibaseException e) {
            throw new IllegalStateException("migration rehearsal failed", e);
        } finally {
            try {
                execute(superUrl, superUser, superPassword, "drop database if exists " + scratch + " with (force)");
            } catch (SQLException e) {
                System.err.println("could not drop " + scratch + ": " + e.getMessage());
            }
        }
    }

    /** @return the changesets this run applied */
    private static int migrate(String url, String user, String password, String schema)
            throws SQLException, LiquibaseException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            int before = applied(c, schema);
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            new Liquibase("db/changelog.xml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
            return applied(c, schema) - before;
        }
    }

    private static int applied(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from pg_tables where schemaname = '" + schema + "' and tablename = 'databasechangelog'")) {
            r.next();
            if (r.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from " + schema + ".databasechangelog")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
