package io.rotation.platform.tracing;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spans into {@code <rotation.traces.directory>/<service>.0.jsonl} for a stack without a collector: one
 * OTLP-JSON {@code ResourceSpans} object a line, written by OpenTelemetry's own
 * {@link OtlpJsonLoggingSpanExporter} (which logs each batch as one line through java.util.logging; its
 * logger is sent to the file alone). A file that reaches {@code rotation.traces.file.max-mb} becomes
 * {@code <service>.1.jsonl} and so on, {@code rotation.traces.file.count} files at most: a long load test
 * does not fill the disk. Quarkus batches the spans ({@code quarkus.otel.bsp.*}). Only looked
 * up when the folder is set ({@link TracingSwitch}); a SpanExporter bean replaces Quarkus' OTLP
 * exporter, so a service writes files or exports over OTLP, not both.
 */
@ApplicationScoped
public class TraceFiles {

    @Produces
    @Singleton
    @LookupIfProperty(name = TracingSwitch.FILE_ENABLED, stringValue = "true")
    SpanExporter spanFile(@ConfigProperty(name = TracingSwitch.DIRECTORY) Optional<String> directory,
                          @ConfigProperty(name = "quarkus.application.name") String service,
                          @ConfigProperty(name = "rotation.traces.file.max-mb", defaultValue = "64") int maxMegabytes,
                          @ConfigProperty(name = "rotation.traces.file.count", defaultValue = "2") int count) {
        // Optional: Quarkus checks every @ConfigProperty injection point at start-up, looked up or not
        Path folder = Path.of(directory.orElseThrow());
        try {
            Files.createDirectories(folder);
            // the JDK's rotating handler: <service>.0.jsonl is the current file, older ones are numbered on
            FileHandler lines = new FileHandler(folder.resolve(service + ".%g.jsonl").toString(),
                    Math.max(1, maxMegabytes) * 1024 * 1024, Math.max(1, count), true);
            lines.setFormatter(new MessageOnly());
            lines.setLevel(Level.ALL);
            Logger logger = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());
            logger.setUseParentHandlers(false);
            logger.setLevel(Level.INFO);
            logger.addHandler(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spans to " + folder, e);
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
