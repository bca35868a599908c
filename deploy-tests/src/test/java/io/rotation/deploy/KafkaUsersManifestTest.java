package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kafka users and their ACLs are generated from the code (KafkaAcls): the committed files must be
 * what the code implies now. {@code -Drotation.manifests.write=true} rewrites them instead.
 */
class KafkaUsersManifestTest {

    private static final Path USERS = Manifests.K8S.resolve("components/kafka/users.yml");
    private static final Path CREDENTIALS = Manifests.K8S.resolve("components/kafka/service-credentials.yml");

    @Test
    void theCommittedKafkaUsersAreTheOnesTheCodeImplies() throws IOException {
        matchesOrWrite(USERS, KafkaAcls.renderUsers());
        matchesOrWrite(CREDENTIALS, KafkaAcls.renderServiceCredentials());
    }

    @Test
    void aConsumerReadsItsTopicWithItsGroupAndMayDeadLetterItButNotWriteIt() {
        KafkaAcls.User analytics = user("analytics-service-kafka");
        assertThat(analytics.allows("topic:" + Topics.USER_FEATURES_PLAYS, "Read")).isTrue();
        assertThat(analytics.allows("group:analytics-service", "Read")).isTrue();
        assertThat(analytics.allows("topic:" + Topics.deadLetterOf(Topics.USER_FEATURES_PLAYS), "Write")).isTrue();
        assertThat(analytics.allows("topic:" + Topics.USER_FEATURES_PLAYS, "Write")).isFalse();
    }

    @Test
    void aServiceWritesItsOwnAndTheSuiteWideTopicsButNoOtherServicesTopics() {
        KafkaAcls.User identity = user("identity-service-kafka");
        assertThat(identity.allows("topic:" + Topics.IDENTITY_USERS, "Write")).isTrue();
        assertThat(identity.allows("topic:" + Topics.AUDIT_ENTRIES, "Write")).isTrue();
        assertThat(identity.allows("topic:" + Topics.CATALOG_RECORDS, "Write")).isFalse();
        assertThat(identity.allows("topic:" + Topics.CATALOG_RECORDS, "Read")).isFalse();
    }

    @Test
    void everyServiceReadsTheCompactedConfigurationTopicsWithoutWritingThemUnlessItOwnsThem() {
        assertThat(CodeInventory.followedTopics()).contains(Topics.CONFIG_FLAGS, Topics.CONFIG_RATE_LIMITS,
                Topics.CONFIG_MAINTENANCE, Topics.CONFIG_SETTINGS, Topics.CONFIG_CACHE_RULES);
        for (KafkaAcls.User user : KafkaAcls.users()) {
            if (user.name().equals(KafkaAcls.REPLAY_USER)) {
                continue;
            }
            assertThat(user.allows("topic:" + Topics.CONFIG_FLAGS, "Read")).as(user.name()).isTrue();
            assertThat(user.allows("topic:" + Topics.CONFIG_FLAGS, "Write"))
                    .as(user.name()).isEqualTo(user.name().equals("config-service-kafka"));
        }
    }

    private static KafkaAcls.User user(String name) {
        List<KafkaAcls.User> users = KafkaAcls.users();
        return users.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    private static void matchesOrWrite(Path file, String expected) throws IOException {
        if (Boolean.getBoolean("rotation.manifests.write")) {
            Files.writeString(file, expected);
            return;
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as(Repo.ROOT.relativize(file) + " is not what the code implies: rewrite it with"
                        + " -Drotation.manifests.write=true (see its header)")
                .isEqualTo(expected);
    }
}
