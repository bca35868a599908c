package io.rotation.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.logging.otlp.OtlpJsonLoggingSpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesTest {

    private final Logger exporterLog = Logger.getLogger(OtlpJsonLoggingSpanExporter.class.getName());

    @TempDir
    Path folder;

    @AfterEach
    void closeHandlers() {
        for (Handler h : exporterLog.getHandlers()) {
            exporterLog.removeHandler(h);
            h.close();
        }
    }

    @Test
    void writesOneLineABatchAndKeepsAtMostTheConfiguredFilesOfTheConfiguredSize() throws Exception {
        new TraceFiles().spanFile(Optional.of(folder.toString()), "play-service", 1, 2);
        String line = "{\"resource\":{},\"scopeSpans\":[]," + "\"pad\":\"" + "x".repeat(100_000) + "\"}";

        for (int i = 0; i < 35; i++) {
            exporterLog.info(line);
        }

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsonl")))
                    .containsExactlyInAnyOrder("play-service.0.jsonl", "play-service.1.jsonl");
        }
        for (String name : new String[] {"play-service.0.jsonl", "play-service.1.jsonl"}) {
            Path file = folder.resolve(name);
            assertThat(Files.size(file)).as(name).isLessThanOrEqualTo(1024 * 1024 + line.length() + 1);
            assertThat(Files.readAllLines(file)).as(name).allMatch(line::equals);
        }
    }
}
