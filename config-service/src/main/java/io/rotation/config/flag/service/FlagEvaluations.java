package io.rotation.config.flag.service;

import io.rotation.config.flag.model.EvaluationContextInput;
import io.rotation.config.flag.model.FlagEvaluation;
import io.rotation.config.flag.repository.EvaluationLog;
import io.rotation.platform.flags.FlagResult;
import io.rotation.platform.flags.FlagSet;
import io.rotation.platform.flags.FlagStore;
import io.rotation.platform.flags.UnleashContext;
import io.rotation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluations for HTTP clients, from this instance's in-memory flag set (the same evaluator every
 * service runs), some of them logged to feature_flag_evaluations by {@link EvaluationLog}.
 */
@ApplicationScoped
public class FlagEvaluations {

    private final FlagStore store;
    private final EvaluationLog log;

    public FlagEvaluations(FlagStore store, EvaluationLog log) {
        this.store = store;
        this.log = log;
    }

    public FlagEvaluation evaluate(String key, EvaluationContextInput input) {
        FlagSet flags = store.current();
        if (!flags.contains(key)) {
            throw ProblemException.notFound("flag " + key);
        }
        UnleashContext context = context(input);
        FlagResult result = flags.evaluate(key, context);
        log.sample(key, context, result);
        return new FlagEvaluation(result.enabled(), result.variant());
    }

    public Map<String, FlagEvaluation> evaluateAll(EvaluationContextInput input) {
        FlagSet flags = store.current();
        UnleashContext context = context(input);
        Map<String, FlagEvaluation> all = new TreeMap<>();
        for (String key : flags.names()) {
            FlagResult result = flags.evaluate(key, context);
            log.sample(key, context, result);
            all.put(key, new FlagEvaluation(result.enabled(), result.variant()));
        }
        return all;
    }

    static UnleashContext context(EvaluationContextInput in) {
        if (in == null) {
            return UnleashContext.EMPTY;
        }
        Map<String, String> properties = new HashMap<>();
        if (in.properties() != null) {
            in.properties().forEach((k, v) -> {
                if (v != null) {
                    properties.put(k, String.valueOf(v));
                }
            });
        }
        return new UnleashContext(in.userId(), in.sessionId(), in.remoteAddress(), in.environment(), in.appName(),
                in.currentTime(), properties);
    }
}
