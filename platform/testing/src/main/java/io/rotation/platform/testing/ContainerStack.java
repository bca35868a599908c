package io.rotation.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Postgres, Kafka and Redis in containers, bootstrapped with the local stack's own SQL. */
final class ContainerStack {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;
    private final GenericContainer<?> redis;

    private ContainerStack(PostgreSQLContainer postgres, KafkaContainer kafka, GenericContainer<?> redis) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
    }

    /** Asks Testcontainers only where an engine may exist: its probe logs errors where none does. */
    static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ContainerStack start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15").withDatabaseName("rotation");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
        postgres.start();
        kafka.start();
        redis.start();
        bootstrap(postgres);
        return new ContainerStack(postgres, kafka, redis);
    }

    Map<String, String> config() {
        return Map.of(
                "rotation.db.host", postgres.getHost(),
                "rotation.db.port", String.valueOf(postgres.getMappedPort(5432)),
                "rotation.kafka.bootstrap-servers", kafka.getBootstrapServers(),
                "rotation.redis.host", redis.getHost(),
                "rotation.redis.port", String.valueOf(redis.getMappedPort(6379)),
                "rotation.test.superuser.jdbc-url", postgres.getJdbcUrl().replace("/rotation", "/postgres"),
                "rotation.test.superuser.username", postgres.getUsername(),
                "rotation.test.superuser.password", postgres.getPassword());
    }

    void stop() {
        redis.stop();
        kafka.stop();
        postgres.stop();
    }

    /** Schemas and roles, and the local passwords (test profiles default to them): the files the local stack runs. */
    private static void bootstrap(PostgreSQLContainer postgres) {
        Path sql = RepoRoot.find().resolve("deploy/local/sql");
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); Statement s = c.createStatement()) {
            s.execute(Files.readString(sql.resolve("10-schemas-and-roles.sql")));
            s.execute(Files.readString(sql.resolve("20-local-passwords.sql")));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot bootstrap the test database from " + sql, e);
        }
    }
}
