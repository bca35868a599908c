package io.rotation.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Postgres cluster of the test's own (initdb, pg_ctl), under its own data directory and on its own
 * port, so that a test may stop and restart it without touching the shared database: trust
 * authentication on 127.0.0.1, no Unix socket, the repository's bootstrap SQL (deploy/local/sql) run
 * on it. Postgres refuses to run as root, so as root the server programs run as {@code postgres}.
 * The binaries: {@code -Drotation.postgres.bin} (default Debian's {@code /usr/lib/postgresql/15/bin}).
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("rotation.postgres.bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path dir;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /**
     * A new cluster in {@code dir} (which must not exist), started and bootstrapped. As root, when the
     * {@code postgres} user cannot reach {@code dir} (a checkout under a private home), a temporary
     * directory is used instead.
     */
    static PrivatePostgres start(Path dir, Path repoRoot) throws IOException, InterruptedException {
        stopLeftovers(dir.getParent(), dir.getFileName().toString().replaceAll("-\\d+$", ""));
        if (ROOT && !reachableByOthers(dir.getParent())) {
            dir = Files.createTempDirectory(dir.getFileName().toString() + "-");
        }
        Files.createDirectories(dir);
        if (ROOT) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        PrivatePostgres pg = new PrivatePostgres(dir, Ports.free());
        pg.server("initdb", "-D", pg.data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--no-locale", "--no-sync");
        Files.writeString(pg.data.resolve("postgresql.conf"), String.join("\n",
                "", "# the restart test's cluster", "port = " + pg.port, "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''", "max_connections = 60", "shared_buffers = 32MB",
                "fsync = off", "full_page_writes = off", "synchronous_commit = off", ""),
                java.nio.file.StandardOpenOption.APPEND);
        pg.startServer();
        Path sql = repoRoot.resolve("deploy/local/sql");
        pg.psql("postgres", sql.resolve("00-database.sql"));
        pg.psql("rotation", sql.resolve("10-schemas-and-roles.sql"));
        pg.psql("rotation", sql.resolve("20-local-passwords.sql"));
        return pg;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/rotation";
    }

    void startServer() throws IOException, InterruptedException {
        server("pg_ctl", "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "start");
    }

    /** A fast shutdown: clients are disconnected, open transactions rolled back. */
    void stopServer() throws IOException, InterruptedException {
        server("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Whether the server accepts a connection and answers a query. */
    boolean accepting() {
        try (Connection c = DriverManager.getConnection(jdbcUrl() + "?connectTimeout=1&socketTimeout=2", "postgres", "");
             Statement s = c.createStatement()) {
            return s.executeQuery("select 1").next();
        } catch (SQLException e) {
            return false;
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            var rows = s.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Stops the cluster at once and deletes its data (the log stays). */
    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            server("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
        }
        deleteTree(data);
    }

    private void psql(String database, Path file) throws IOException, InterruptedException {
        run(List.of(BIN.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", "postgres", "-d", database, "-f", file.toString()), false);
    }

    private void server(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(program).toString()));
        command.addAll(List.of(args));
        run(command, ROOT);
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try (var in = p.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
        }
    }

    /** Clusters of earlier runs whose JVM died before closing them (their data directory is still there). */
    private static void stopLeftovers(Path parent, String prefix) throws IOException, InterruptedException {
        if (!Files.isDirectory(parent)) {
            return;
        }
        List<Path> old;
        try (Stream<Path> dirs = Files.list(parent)) {
            old = dirs.filter(d -> d.getFileName().toString().startsWith(prefix + "-")).toList();
        }
        for (Path d : old) {
            Path data = d.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                            "stop"), ROOT);
                } catch (IllegalStateException e) {
                    // not running any more
                }
            }
            deleteTree(d);
        }
    }

    /** Whether every folder from the root down to {@code dir} lets other users through (o+x). */
    private static boolean reachableByOthers(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(
                    java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
