package io.rotation.deploy;

import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the code says a deployment must provide, read from the sources (no service is started): the
 * services (modules with an application.properties), their Kafka channels, the event topics of the
 * contracts, the compacted topics every service follows, and the HTTP paths of the JAX-RS resources.
 */
final class CodeInventory {

    /** An incoming channel of a service: the topic it reads with its consumer group. */
    record Channel(String service, String name, String topic, String group) {
    }

    private static final Pattern CHANNEL = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id)=(.+)$");
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]+)\"\\)", Pattern.MULTILINE);
    private static final Pattern METHOD_PATH = Pattern.compile("^[ \\t]+@Path\\(\"([^\"]+)\"\\)", Pattern.MULTILINE);
    private static final Pattern WEBSOCKET_PATH = Pattern.compile("@WebSocket\\(path = \"([^\"]+)\"\\)");
    private static final Pattern HTTP_METHOD = Pattern.compile("^\\s+@(GET|POST|PUT|DELETE|PATCH|HEAD)\\s*$");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");

    private CodeInventory() {
    }

    static List<String> services() {
        try (Stream<Path> dirs = Files.list(Repo.ROOT)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The production channels of a service (profile-prefixed lines, such as %test., are left out). */
    static List<Channel> channels(String service) {
        Map<String, String> topics = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        for (String line : Repo.read(Repo.path(service + "/src/main/resources/application.properties")).split("\n")) {
            Matcher m = CHANNEL.matcher(line.strip());
            if (m.matches()) {
                (m.group(2).equals("topic") ? topics : groups).put(m.group(1), m.group(3).strip());
            }
        }
        List<Channel> channels = new ArrayList<>();
        topics.forEach((name, topic) -> channels.add(new Channel(service, name, topic, groups.get(name))));
        return channels;
    }

    static List<Channel> channels() {
        return services().stream().flatMap(s -> channels(s).stream()).toList();
    }

    static Set<String> eventTopics() {
        Set<String> topics = new TreeSet<>();
        for (EventType type : EventType.values()) {
            topics.add(type.topic());
        }
        return topics;
    }

    /** Topics read whole by every instance of every service without a group (platform's CompactedTopicFollower users). */
    static Set<String> followedTopics() {
        Set<String> topics = new TreeSet<>();
        for (Path source : javaSources(Repo.path("platform/core/src/main/java"))) {
            String text = Repo.read(source);
            if (text.contains("new CompactedTopicFollower(") || text.contains(" extends CompactedTopicState<")) {
                Matcher m = TOPIC_CONSTANT.matcher(text);
                while (m.find()) {
                    topics.add(topicConstant(m.group(1)));
                }
            }
        }
        return topics;
    }

    /** The service a topic belongs to by its name (rotation.<service>.<entity>.v<N>), or null for a suite-wide topic. */
    static String ownerOf(String topic) {
        String[] parts = topic.split("\\.");
        String candidate = parts.length > 2 ? parts[1] + "-service" : "";
        return services().contains(candidate) ? candidate : null;
    }

    /** The HTTP paths a service serves (class and method @Path joined, WebSocket endpoints, GraphQL). */
    static Set<String> httpPaths(String service) {
        Set<String> paths = new TreeSet<>();
        for (Path source : javaSources(Repo.path(service + "/src/main/java"))) {
            String text = Repo.read(source);
            if (text.contains("@RegisterRestClient") || text.contains("public interface ")) {
                continue; // a REST client of someone else's API (an interface), not served here
            }
            Matcher base = CLASS_PATH.matcher(text);
            if (base.find()) {
                String root = base.group(1);
                Matcher sub = METHOD_PATH.matcher(text);
                while (sub.find()) {
                    paths.add(join(root, sub.group(1)));
                }
                if (servesItsRoot(text)) {
                    paths.add(root);
                }
            }
            Matcher ws = WEBSOCKET_PATH.matcher(text);
            while (ws.find()) {
                paths.add(ws.group(1));
            }
            if (text.contains("@GraphQLApi")) {
                paths.add("/graphql");
            }
        }
        return paths;
    }

    /** Whether a resource method has no @Path of its own (its annotations: the lines starting with @ around its verb). */
    private static boolean servesItsRoot(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!HTTP_METHOD.matcher(lines[i]).matches()) {
                continue;
            }
            boolean ownPath = false;
            for (int j = i; j >= 0 && lines[j].strip().startsWith("@"); j--) {
                ownPath |= lines[j].strip().startsWith("@Path(");
            }
            for (int j = i + 1; j < lines.length && lines[j].strip().startsWith("@"); j++) {
                ownPath |= lines[j].strip().startsWith("@Path(");
            }
            if (!ownPath) {
                return true;
            }
        }
        return false;
    }

    private static String join(String root, String sub) {
        String joined = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root)
                + (sub.startsWith("/") ? sub : "/" + sub);
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String topicConstant(String name) {
        try {
            Field field = Topics.class.getField(name);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Topics." + name, e);
        }
    }

    private static List<Path> javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
