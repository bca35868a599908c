package io.rotation.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as it travels outside a process: in an
 * outbox row, and in a CloudEvent's {@code ce_traceparent}/{@code ce_tracestate} headers (the
 * CloudEvents distributed-tracing extension). Reading and writing go through OpenTelemetry's W3C
 * propagator, which ignores a malformed or unknown value: such a header never fails an event.
 * {@code traceparent} is null when there is no valid span context.
 */
public record TraceParent(String traceparent, String tracestate) {

    public static final TraceParent NONE = new TraceParent(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** The context of the span current on this thread (or Vert.x context): what a write carries on. */
    public static TraceParent current() {
        return of(Context.current());
    }

    public static TraceParent of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(context, carrier, Map::put);
        String state = carrier.get(TRACESTATE);
        return new TraceParent(carrier.get(TRACEPARENT), state == null || state.isEmpty() ? null : state);
    }

    /** From a CloudEvent's headers; {@link #NONE} when absent or malformed. */
    public static TraceParent of(Headers headers) {
        TraceParent read = new TraceParent(CloudEventCodec.header(headers, CloudEventHeaders.TRACEPARENT),
                CloudEventCodec.header(headers, CloudEventHeaders.TRACESTATE));
        return read.isValid() ? read : NONE;
    }

    /** The remote span context this names, as a parent for a new span; the root context when there is none. */
    public Context context() {
        if (traceparent == null) {
            return Context.root();
        }
        try {
            return W3C.extract(Context.root(), this, Getter.INSTANCE);
        } catch (RuntimeException e) {
            return Context.root();
        }
    }

    public SpanContext spanContext() {
        return Span.fromContext(context()).getSpanContext();
    }

    public boolean isValid() {
        return spanContext().isValid();
    }

    /** Adds the {@code ce_traceparent}/{@code ce_tracestate} headers when there is a valid context. */
    public void addTo(Headers headers) {
        if (traceparent != null && isValid()) {
            headers.add(CloudEventHeaders.TRACEPARENT, CloudEventCodec.bytes(traceparent));
            if (tracestate != null) {
                headers.add(CloudEventHeaders.TRACESTATE, CloudEventCodec.bytes(tracestate));
            }
        }
    }

    private enum Getter implements TextMapGetter<TraceParent> {
        INSTANCE;

        @Override
        public Iterable<String> keys(TraceParent carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceParent carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return TRACEPARENT.equals(key) ? carrier.traceparent : TRACESTATE.equals(key) ? carrier.tracestate : null;
        }
    }
}
