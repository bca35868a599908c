package io.rotation.config.flag.repository;

import io.rotation.platform.flags.FlagResult;
import io.rotation.platform.flags.UnleashContext;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Logs a sample of evaluations (rotation.flags.evaluation-log-rate, 0..1) to
 * feature_flag_evaluations without making the caller wait: the insert runs after the answer.
 */
@ApplicationScoped
public class EvaluationLog {

    private static final Logger LOG = Logger.getLogger(EvaluationLog.class);

    private final Pool pool;
    private final double rate;

    public EvaluationLog(Pool pool, @ConfigProperty(name = "rotation.flags.evaluation-log-rate", defaultValue = "0.01") double rate) {
        this.pool = pool;
        this.rate = rate;
    }

    public void sample(String key, UnleashContext context, FlagResult result) {
        if (rate <= 0 || ThreadLocalRandom.current().nextDouble() >= rate) {
            return;
        }
        JsonObject logged = new JsonObject();
        if (context.environment() != null) {
            logged.put("environment", context.environment());
        }
        if (context.appName() != null) {
            logged.put("app_name", context.appName());
        }
        context.properties().forEach(logged::put);
        Long userId = parseUser(context.userId());
        pool.preparedQuery("""
                insert into feature_flag_evaluations (feature_flag_id, flag_key, user_id, result, variant, reason, context)
                select id, key, $2, $3, $4, case when not enabled then 'disabled' when $3 then 'enabled' else 'no_match' end, $5
                from feature_flags where key = $1""")
                .execute(Tuple.of(key, userId, result.enabled(), result.variant().name(), logged))
                .subscribe().with(ok -> { }, e -> LOG.debugf("evaluation of %s not logged: %s", key, e.toString()));
    }

    private static Long parseUser(String userId) {
        try {
            return userId == null ? null : Long.valueOf(userId);
        } catch (NumberFormatException notARotationUser) {
            return null;
        }
    }
}
