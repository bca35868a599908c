package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.contracts.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every service, topic and consumer group of the code has what it needs in the production manifests. */
class ManifestCoverageTest {

    private static final Pattern SCHEMA = Pattern.compile("(?m)^rotation\\.db\\.schema=(\\S+)$");

    private final Manifests manifests = Manifests.ofOverlays();

    @Test
    void everyServiceHasItsDeploymentServiceBudgetDatabaseRoleAndKafkaUser() {
        Set<String> deployments = names("Deployment");
        Set<String> services = names("Service");
        Set<String> budgets = names("PodDisruptionBudget");
        Set<String> kafkaUsers = names("KafkaUser");
        Map<String, String> roleSecrets = new HashMap<>();
        for (JsonNode role : manifests.resources("Cluster").get(0).doc().path("spec").path("managed").path("roles")) {
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        List<String> codeServices = CodeInventory.services();
        assertThat(codeServices).hasSize(6);
        for (String service : codeServices) {
            assertThat(deployments).contains(service);
            assertThat(services).contains(service);
            assertThat(budgets).contains(service);
            assertThat(kafkaUsers).contains(KafkaAcls.userOf(service));
            assertThat(roleSecrets).as("the database role of " + service).containsEntry(schemaOf(service) + "_svc", service + "-db");
        }
    }

    @Test
    void everyEventTopicAndItsDeadLetterTopicIsDeclaredAndNoOtherTopic() {
        Set<String> expected = new TreeSet<>();
        CodeInventory.eventTopics().forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetterOf(t));
        });
        CodeInventory.channels().forEach(c -> expected.add(c.topic()));
        Set<String> declared = new TreeSet<>();
        manifests.resources("KafkaTopic").forEach(t -> declared.add(t.doc().path("spec").path("topicName").asText()));
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void theConfigurationTopicsEveryServiceFollowsAreDeclaredCompacted() {
        for (Manifests.Resource topic : manifests.resources("KafkaTopic")) {
            JsonNode spec = topic.doc().path("spec");
            if (CodeInventory.followedTopics().contains(spec.path("topicName").asText())) {
                assertThat(spec.path("config").path("cleanup.policy").asText()).as(topic.toString()).isEqualTo("compact");
            }
        }
    }

    @Test
    void everyConsumerGroupOfTheCodeMayReadItsTopicAsItsServicesKafkaUser() {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (Manifests.Resource user : manifests.resources("KafkaUser")) {
            Set<String> grants = new HashSet<>();
            for (JsonNode acl : user.doc().path("spec").path("authorization").path("acls")) {
                String resource = acl.path("resource").path("type").asText() + ":" + acl.path("resource").path("name").asText();
                acl.path("operations").forEach(op -> grants.add(resource + ":" + op.asText()));
            }
            allowed.put(user.name(), grants);
        }
        List<CodeInventory.Channel> channels = CodeInventory.channels();
        assertThat(channels).hasSizeGreaterThan(20);
        for (CodeInventory.Channel channel : channels) {
            Set<String> grants = allowed.getOrDefault(KafkaAcls.userOf(channel.service()), Set.of());
            assertThat(grants).as(channel.toString())
                    .contains("topic:" + channel.topic() + ":Read", "group:" + channel.group() + ":Read",
                            "topic:" + Topics.deadLetterOf(channel.topic()) + ":Write");
        }
    }

    @Test
    void everyStrimziResourceBelongsToTheOneKafkaCluster() {
        String cluster = manifests.resources("Kafka").get(0).name();
        for (String kind : List.of("KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            assertThat(manifests.resources(kind)).allSatisfy(r -> assertThat(
                    r.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(r.toString()).isEqualTo(cluster));
        }
    }

    private Set<String> names(String kind) {
        Set<String> names = new TreeSet<>();
        manifests.resources(kind).forEach(r -> names.add(r.name()));
        return names;
    }

    private static String schemaOf(String service) {
        Matcher m = SCHEMA.matcher(Repo.read(Repo.path(service + "/src/main/resources/application.properties")));
        assertThat(m.find()).as("rotation.db.schema of " + service).isTrue();
        return m.group(1);
    }
}
