package io.rotation.config.flag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.flags.FlagStore;
import io.rotation.platform.flags.UnleashContext;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/**
 * One answer from three places: the in-process evaluator every service runs, the HTTP endpoint and
 * the SQL function evaluate_feature_flag, on generated contexts for flags of the seed's four types.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class EvaluationAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COUNTRIES = {"GB", "FR", "DE", null};
    private static final String[] PLANS = {"pro", "free", null};

    @Inject
    FlagStore store;

    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void inProcessHttpAndSqlAgreeOnThousandsOfContexts() throws Exception {
        Random random = new Random(20261201);
        List<Long> listed = List.of(TestTokens.newUserId(), TestTokens.newUserId(), TestTokens.newUserId());
        List<String> keys = List.of(
                flag(Map.of("flag_type", "boolean", "enabled", true)),
                flag(Map.of("flag_type", "boolean", "enabled", false)),
                flag(Map.of("flag_type", "percentage", "enabled", true, "rollout_percentage", 35)),
                flag(Map.of("flag_type", "percentage", "enabled", true, "rollout_percentage", 80,
                        "starts_at", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                        "ends_at", Instant.now().plus(1, ChronoUnit.DAYS).toString())),
                flag(Map.of("flag_type", "user_list", "enabled", true, "target_user_ids", listed)),
                flag(Map.of("flag_type", "condition", "enabled", true,
                        "conditions", Map.of("country", "GB", "plan", "pro"))),
                flag(Map.of("flag_type", "boolean", "enabled", true,
                        "starts_at", Instant.now().plus(1, ChronoUnit.DAYS).toString())));

        List<Map<String, Object>> contexts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Long user = random.nextInt(10) == 0 ? null
                    : random.nextInt(8) == 0 ? listed.get(random.nextInt(listed.size())) : (long) random.nextInt(1_000_000) + 1;
            Map<String, String> properties = new HashMap<>();
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String plan = PLANS[random.nextInt(PLANS.length)];
            if (country != null) {
                properties.put("country", country);
            }
            if (plan != null) {
                properties.put("plan", plan);
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("user_id", user);
            context.put("context", properties);
            contexts.add(context);
        }
        String caller = TestTokens.user(TestTokens.newUserId());
        int compared = 0;
        int on = 0;
        for (String key : keys) {
            List<Map<String, Object>> sql = TestDatabase.rows("""
                    select ord, evaluate_feature_flag(?, (e ->> 'user_id')::bigint, e -> 'context') as is_on
                    from jsonb_array_elements(?::jsonb) with ordinality as t(e, ord) order by ord""",
                    key, JSON.writeValueAsString(contexts));
            for (int i = 0; i < contexts.size(); i++) {
                Map<String, Object> c = contexts.get(i);
                @SuppressWarnings("unchecked")
                Map<String, String> properties = (Map<String, String>) c.get("context");
                Object user = c.get("user_id");
                UnleashContext context = new UnleashContext(user == null ? null : user.toString(), null, null, null, null,
                        null, properties);
                boolean inProcess = store.isEnabled(key, context);
                assertThat(sql.get(i).get("is_on")).as("%s for %s", key, c).isEqualTo(inProcess);
                if (i % 100 == 0) {
                    Map<String, Object> body = new HashMap<>();
                    body.put("userId", user == null ? null : user.toString());
                    body.put("properties", properties);
                    boolean http = given().auth().oauth2(caller).contentType("application/json").body(body)
                            .post("/api/v1/flags/" + key + "/evaluate").then().statusCode(200).extract().path("enabled");
                    assertThat(http).as("HTTP %s for %s", key, c).isEqualTo(inProcess);
                }
                compared++;
                on += inProcess ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(21_000);
        assertThat(on).as("the contexts exercise both answers").isBetween(3_000, 15_000);
    }

    @Test
    void theSqlMurmurIsCommonsCodecsMurmur3OnUtf8Text() throws Exception {
        Random random = new Random(7);
        List<String> inputs = new ArrayList<>();
        String alphabet = "abcXYZ019:-_.øé你好😊";
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                s.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt((int) alphabet.codePoints().count())]);
            }
            inputs.add(s.toString());
        }
        List<Map<String, Object>> rows = TestDatabase.rows("""
                select ord, murmur3_32(convert_to(e #>> '{}', 'UTF8'), 0) as h
                from jsonb_array_elements(?::jsonb) with ordinality as t(e, ord) order by ord""",
                JSON.writeValueAsString(inputs));
        for (int i = 0; i < inputs.size(); i++) {
            byte[] bytes = inputs.get(i).getBytes(StandardCharsets.UTF_8);
            long expected = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0));
            assertThat(((Number) rows.get(i).get("h")).longValue()).as("%s", inputs.get(i)).isEqualTo(expected);
        }
    }

    private String flag(Map<String, Object> fields) {
        String key = "agree-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("key", key);
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/flags").then().statusCode(201);
        return key;
    }
}
