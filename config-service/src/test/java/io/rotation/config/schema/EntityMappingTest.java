package io.rotation.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.config.flag.model.FeatureFlag;
import io.rotation.config.flag.model.FeatureFlagHistory;
import io.rotation.config.flag.model.FeatureFlagType;
import io.rotation.config.setting.model.Setting;
import io.rotation.config.setting.model.SettingType;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** The entities read what SQL wrote, and write what SQL reads: enum labels, arrays and JSONB included. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class EntityMappingTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void readsAFlagWithItsTypeTargetsConditionsAndHistory() {
        String key = "map-" + UUID.randomUUID();
        TestDatabase.update("""
                insert into feature_flags (key, flag_type, enabled, target_user_ids, conditions, tags)
                values (?, 'user_list', true, '{7,8}', '{"country": "GB"}', '{ui,beta}')""", key);
        FeatureFlag flag = sessions.withSession(s -> s.createSelectionQuery("from FeatureFlag where key = :key",
                FeatureFlag.class).setParameter("key", key).getSingleResult()).await().atMost(Duration.ofSeconds(10));
        assertThat(flag.flagType).isEqualTo(FeatureFlagType.USER_LIST);
        assertThat(flag.targetUserIds).containsExactly(7L, 8L);
        assertThat(flag.conditions.get("country").asText()).isEqualTo("GB");
        assertThat(flag.tags).containsExactly("ui", "beta");

        List<FeatureFlagHistory> history = sessions.withSession(s -> s.createSelectionQuery(
                "from FeatureFlagHistory where flagKey = :key", FeatureFlagHistory.class)
                .setParameter("key", key).getResultList()).await().atMost(Duration.ofSeconds(10));
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.action).isEqualTo(FeatureFlagHistory.INSERT);
            assertThat(h.newValue.get("flag_type").asText()).isEqualTo("user_list");
        });
    }

    @Test
    void readsANumberSettingAsItsText() {
        String key = "map." + UUID.randomUUID().toString().replace("-", "");
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, '42.5', 'number')", key);
        Setting setting = sessions.withSession(s -> s.createSelectionQuery("from Setting where key = :key", Setting.class)
                .setParameter("key", key).getSingleResult()).await().atMost(Duration.ofSeconds(10));
        assertThat(setting.settingType).isEqualTo(SettingType.NUMBER);
        assertThat(setting.value).isEqualTo("42.5");
    }

    @Test
    void persistsASettingWithTheBooleanTypeLabel() {
        String key = "map." + UUID.randomUUID().toString().replace("-", "");
        Setting setting = new Setting();
        setting.key = key;
        setting.value = "true";
        setting.settingType = SettingType.BOOLEAN;
        setting.category = "test";
        sessions.withTransaction(s -> s.persist(setting)).await().atMost(Duration.ofSeconds(10));
        var row = TestDatabase.rows("select setting_type::text as t, value::text as v from settings where key = ?", key)
                .get(0);
        assertThat(row.get("t")).isEqualTo("boolean");
        assertThat(row.get("v")).isEqualTo("true");
    }
}
