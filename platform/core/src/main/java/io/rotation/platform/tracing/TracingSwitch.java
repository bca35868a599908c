package io.rotation.platform.tracing;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK on only when spans have somewhere to go: an OTLP endpoint
 * ({@code rotation.traces.otlp-endpoint}, or the standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}) or a
 * folder for span files ({@code rotation.traces.directory}, {@link TraceFiles}). Otherwise
 * {@code quarkus.otel.sdk.disabled=true}: no exporter, no connection attempts, no-op tracers. Its values
 * rank below every file and variable, so an explicit {@code quarkus.otel.sdk.disabled} still wins.
 */
public class TracingSwitch implements ConfigSourceFactory {

    static final String OTLP_ENDPOINT = "rotation.traces.otlp-endpoint";
    static final String STANDARD_OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String DIRECTORY = "rotation.traces.directory";
    static final String FILE_ENABLED = "rotation.traces.file.enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean otlp = present(context, OTLP_ENDPOINT) || present(context, STANDARD_OTLP_ENDPOINT);
        boolean files = present(context, DIRECTORY);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.otel.sdk.disabled", String.valueOf(!otlp && !files),
                FILE_ENABLED, String.valueOf(files)), "rotation-tracing-switch", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static boolean present(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
