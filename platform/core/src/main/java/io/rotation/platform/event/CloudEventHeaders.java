package io.rotation.platform.event;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as headers. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * The CloudEvents distributed-tracing extension: the W3C trace context of the transaction that
     * wrote the event (platform {@code tracing.TraceParent}); optional, and ignored when malformed.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String TRACESTATE = "ce_tracestate";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Set on dead letters: why the consumer gave up, and which consumer. */
    public static final String DLQ_ERROR = "rotation_dlq_error";
    public static final String DLQ_CONSUMER = "rotation_dlq_consumer";

    private CloudEventHeaders() {
    }
}
