package io.rotation.platform.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The OpenFeature provider over this service's {@link FlagStore}: boolean flags answer whether the
 * flag is on; string, number and object flags answer the chosen variant's payload (the default when
 * the flag is off or the variant has none). The OpenFeature targeting key is Unleash's userId; the
 * context's userId, sessionId, remoteAddress, environment, appName and currentTime fill Unleash's
 * standard fields, everything else its properties.
 */
public class RotationFlagProvider implements FeatureProvider {

    private final FlagStore store;

    public RotationFlagProvider(FlagStore store) {
        this.store = store;
    }

    @Override
    public Metadata getMetadata() {
        return () -> "rotation-flags";
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        FlagSet flags = store.current();
        if (!flags.contains(key)) {
            return notFound(key, defaultValue);
        }
        FlagResult result = flags.evaluate(key, context(ctx));
        return ProviderEvaluation.<Boolean>builder().value(result.enabled()).variant(result.variant().name())
                .reason(result.enabled() ? Reason.TARGETING_MATCH.toString() : Reason.DISABLED.toString()).build();
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return payload(key, defaultValue, ctx, text -> text);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return payload(key, defaultValue, ctx, text -> Integer.valueOf(text.trim()));
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return payload(key, defaultValue, ctx, text -> Double.valueOf(text.trim()));
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return payload(key, defaultValue, ctx, Value::new);
    }

    private <T> ProviderEvaluation<T> payload(String key, T defaultValue, EvaluationContext ctx, Function<String, T> read) {
        FlagSet flags = store.current();
        if (!flags.contains(key)) {
            return notFound(key, defaultValue);
        }
        FlagResult result = flags.evaluate(key, context(ctx));
        Variant variant = result.variant();
        if (!variant.enabled() || variant.payload() == null || variant.payload().value() == null) {
            return ProviderEvaluation.<T>builder().value(defaultValue).variant(variant.name())
                    .reason(Reason.DEFAULT.toString()).build();
        }
        try {
            return ProviderEvaluation.<T>builder().value(read.apply(variant.payload().value())).variant(variant.name())
                    .reason(Reason.TARGETING_MATCH.toString()).build();
        } catch (RuntimeException unreadable) {
            return ProviderEvaluation.<T>builder().value(defaultValue).variant(variant.name())
                    .reason(Reason.ERROR.toString()).errorCode(ErrorCode.TYPE_MISMATCH)
                    .errorMessage("payload of " + key + " is not of the asked type").build();
        }
    }

    private static <T> ProviderEvaluation<T> notFound(String key, T defaultValue) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.toString())
                .errorCode(ErrorCode.FLAG_NOT_FOUND).errorMessage("no flag " + key).build();
    }

    /** An OpenFeature evaluation context as Unleash's. */
    static UnleashContext context(EvaluationContext ctx) {
        if (ctx == null) {
            return UnleashContext.EMPTY;
        }
        Map<String, String> properties = new HashMap<>();
        ctx.asMap().forEach((name, value) -> {
            if (value != null && !value.isNull() && !EvaluationContext.TARGETING_KEY.equals(name)) {
                properties.put(name, value.isString() ? value.asString() : String.valueOf(value.asObject()));
            }
        });
        String userId = properties.remove("userId");
        if (ctx.getTargetingKey() != null && !ctx.getTargetingKey().isEmpty()) {
            userId = ctx.getTargetingKey();
        }
        return new UnleashContext(userId, properties.remove("sessionId"), properties.remove("remoteAddress"),
                properties.remove("environment"), properties.remove("appName"), properties.remove("currentTime"),
                Map.copyOf(properties));
    }
}
