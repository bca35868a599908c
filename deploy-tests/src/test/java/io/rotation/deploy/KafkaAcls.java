package io.rotation.deploy;

import io.rotation.contracts.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Kafka permissions the code implies, one principal per service plus the operators' dead-letter
 * replay, and their rendering as Strimzi KafkaUsers (components/kafka/users.yml) and as each
 * Deployment's SCRAM credentials (components/kafka/service-credentials.yml).
 *
 * <ul>
 *   <li>A service writes the topics named after it (rotation.&lt;service&gt;.…) and the suite-wide ones
 *       (audit, exports, jobs, performance: written through platform by every service).</li>
 *   <li>It reads every topic of its incoming channels with their consumer group, may read those topics'
 *       retention (platform keeps processed-event ids as long), and writes their dead-letter topics.</li>
 *   <li>It reads the compacted configuration topics platform follows without a group.</li>
 *   <li>The replay (./rotation dlq replay) reads every dead-letter topic with its own group and writes
 *       the letters back to the original topics.</li>
 * </ul>
 */
final class KafkaAcls {

    static final String REPLAY_USER = "rotation-dlq-replay";
    static final String REPLAY_GROUP = "rotation-dlq-replay";

    /** Operations per resource ("topic:name", "group:name") for one principal, in a stable order. */
    record User(String name, Map<String, Set<String>> acls) {
        boolean allows(String resource, String operation) {
            return acls.getOrDefault(resource, Set.of()).contains(operation);
        }
    }

    private KafkaAcls() {
    }

    static String userOf(String service) {
        return service + "-kafka";
    }

    static List<User> users() {
        List<User> users = new ArrayList<>();
        Set<String> eventTopics = CodeInventory.eventTopics();
        for (String service : CodeInventory.services()) {
            Map<String, Set<String>> acls = new TreeMap<>();
            for (String topic : eventTopics) {
                String owner = CodeInventory.ownerOf(topic);
                if (owner == null || owner.equals(service)) {
                    grant(acls, "topic:" + topic, "Write", "Describe");
                }
            }
            for (CodeInventory.Channel channel : CodeInventory.channels(service)) {
                grant(acls, "topic:" + channel.topic(), "Read", "Describe", "DescribeConfigs");
                grant(acls, "topic:" + Topics.deadLetterOf(channel.topic()), "Write", "Describe");
                grant(acls, "group:" + channel.group(), "Read");
            }
            for (String topic : CodeInventory.followedTopics()) {
                grant(acls, "topic:" + topic, "Read", "Describe", "DescribeConfigs");
            }
            users.add(new User(userOf(service), acls));
        }
        Map<String, Set<String>> replay = new TreeMap<>();
        for (String topic : eventTopics) {
            grant(replay, "topic:" + Topics.deadLetterOf(topic), "Read", "Describe");
            grant(replay, "topic:" + topic, "Write", "Describe");
        }
        grant(replay, "group:" + REPLAY_GROUP, "Read");
        users.add(new User(REPLAY_USER, replay));
        return users;
    }

    private static void grant(Map<String, Set<String>> acls, String resource, String... operations) {
        Set<String> ops = acls.computeIfAbsent(resource, r -> new TreeSet<>());
        for (String op : operations) {
            ops.add(op);
        }
    }

    static String renderUsers() {
        StringBuilder out = new StringBuilder("""
                # GENERATED from the code by deploy-tests' KafkaAcls (KafkaUsersManifestTest checks it; rewrite with
                #   ./mvnw -B -pl deploy-tests -am verify -Dtest=KafkaUsersManifestTest -Drotation.manifests.write=true
                #   -Dsurefire.failIfNoSpecifiedTests=false). One SCRAM-SHA-512 user per service: it writes the topics
                # named after it and the suite-wide ones, reads the topics of its incoming channels with its group
                # and writes their dead-letter topics, and reads the compacted configuration topics. Strimzi puts
                # each user's password and JAAS line in a Secret of the user's name.
                """);
        for (User user : users()) {
            out.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaUser\n")
                    .append("metadata:\n")
                    .append("  name: ").append(user.name()).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: rotation\n")
                    .append("spec:\n")
                    .append("  authentication:\n")
                    .append("    type: scram-sha-512\n")
                    .append("  authorization:\n")
                    .append("    type: simple\n")
                    .append("    acls:\n");
            for (Map.Entry<String, Set<String>> acl : user.acls().entrySet()) {
                String[] resource = acl.getKey().split(":", 2);
                out.append("      - resource:\n")
                        .append("          type: ").append(resource[0]).append('\n')
                        .append("          name: ").append(resource[1]).append('\n')
                        .append("          patternType: literal\n")
                        .append("        operations: [").append(String.join(", ", acl.getValue())).append("]\n");
            }
        }
        return out.toString();
    }

    static String renderServiceCredentials() {
        StringBuilder out = new StringBuilder("""
                # GENERATED with users.yml (see there): each service's Deployment logs in to Kafka as its KafkaUser,
                # from the Secret Strimzi keeps for it (kafka.sasl.jaas.config; the protocol and mechanism are in
                # rotation-config).
                """);
        Map<String, String> userOfService = new LinkedHashMap<>();
        CodeInventory.services().forEach(s -> userOfService.put(s, userOf(s)));
        userOfService.forEach((service, user) -> out.append("---\n")
                .append("apiVersion: apps/v1\n")
                .append("kind: Deployment\n")
                .append("metadata:\n")
                .append("  name: ").append(service).append('\n')
                .append("  namespace: rotation\n")
                .append("spec:\n")
                .append("  template:\n")
                .append("    spec:\n")
                .append("      containers:\n")
                .append("        - name: ").append(service).append('\n')
                .append("          env:\n")
                .append("            - name: KAFKA_SASL_JAAS_CONFIG\n")
                .append("              valueFrom:\n")
                .append("                secretKeyRef:\n")
                .append("                  name: ").append(user).append('\n')
                .append("                  key: sasl.jaas.config\n"));
        return out.toString();
    }
}
