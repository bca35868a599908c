package io.rotation.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Postgres, Kafka and Redis a service's tests run against: containers where a Docker
 * engine exists, else the local stack that {@code ./rotation stack up} starts (checked here, so a
 * missing piece fails fast with the command that fixes it). Either way, tests verify tokens
 * against the test key pair in {@code rotation-testing/}.
 */
public class RotationStack implements QuarkusTestResourceLifecycleManager {

    private ContainerStack containers;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (ContainerStack.dockerAvailable()) {
            containers = ContainerStack.start();
            config.putAll(containers.config());
        } else {
            requireLocal("PostgreSQL", "127.0.0.1", 5432);
            requireLocal("Kafka", "127.0.0.1", 9092);
            requireLocal("Redis", "127.0.0.1", 6379);
        }
        config.put("mp.jwt.verify.publickey.location", TestTokens.JWKS_RESOURCE);
        config.put("smallrye.jwt.sign.key.location", TestTokens.SIGNING_KEY_RESOURCE);
        return config;
    }

    @Override
    public void stop() {
        if (containers != null) {
            containers.stop();
        }
    }

    private static void requireLocal(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (Exception e) {
            throw new IllegalStateException(what + " is not reachable on " + host + ":" + port
                    + " and there is no Docker engine: run ./rotation stack up");
        }
    }
}
