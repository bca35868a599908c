package io.rotation.platform.testsupport;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/** An OpenTelemetry SDK whose finished spans stay in memory, for tests of what the platform traces. */
public final class Tracing {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

    public Tracer tracer() {
        return provider.get("rotation-tests");
    }

    public List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }
}
