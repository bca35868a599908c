package io.rotation.platform.tracing;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spans into {@code <rotation.traces.directory>/<service>.jsonl} for a stack without a collector: one
 * OTLP-JSON {@code ResourceSpans} object a line, written by OpenTelemetry's own
 * {@link OtlpJsonLoggingSpanExporter} (which logs each batch as one line through java.util.logging; its
 * logger is sent to the file alone). Quarkus batches the spans ({@code quarkus.otel.bsp.*}). Only looked
 * up when the folder is set ({@link TracingSwitch}); a SpanExporter bean replaces Quarkus' OTLP
 * exporter, so a service writes files or exports over OTLP, not both.
 */
@ApplicationScoped
public class TraceFiles {

    @Produces
    @Singleton
    @LookupIfProperty(name = TracingSwitch.FILE_ENABLED, stringValue = "true")
    SpanExporter spanFile(@ConfigProperty(name = TracingSwitch.DIRECTORY) Optional<String> directory,
                          @ConfigProperty(name = "quarkus.application.name") String service) {
        // Optional: Quarkus checks every @ConfigProperty injection point at start-up, looked up or not
        Path file = Path.of(directory.orElseThrow()).resolve(service + ".jsonl");
        try {
            Files.createDirectories(file.getParent());
            StreamHandler lines = new StreamHandler(new FileOutputStream(file.toFile(), true), new MessageOnly()) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
            lines.setLevel(Level.ALL);
            Logger logger = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.INFO);
            logger.addHandler(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spans to " + file, e);
        }
        return OtlpJsonLoggingSpanExporter.create();
    }

    private static final class MessageOnly extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + System.lineSeparator();
        }
    }
}
