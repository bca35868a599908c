package io.rotation.catalog.imports.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploaded dumps, written to temporary files under {@code rotation.catalog.import.upload-dir} as they
 * arrive (never held in memory), at most {@code rotation.catalog.import.max-upload-size} bytes
 * (larger: 413 problem naming the field, the partial file deleted). Blocking: call from a worker thread.
 */
@ApplicationScoped
public class DumpUploads {

    private final Path directory;
    private final long maxBytes;

    public DumpUploads(@ConfigProperty(name = "rotation.catalog.import.upload-dir") Path directory,
                       @ConfigProperty(name = "rotation.catalog.import.max-upload-size") MemorySize maxSize) {
        this.directory = directory;
        this.maxBytes = maxSize.asLongValue();
    }

    /** Streams the body to a new temporary file. */
    public Path receive(InputStream body, String field) {
        Path file = newFile();
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(field);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ProblemException.invalidField(field, "is empty");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw ProblemException.invalidField(field, "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Takes over a file the HTTP layer already wrote (a multipart part), which it deletes after the request. */
    public Path adopt(Path uploaded, String field) {
        try {
            if (Files.size(uploaded) > maxBytes) {
                throw tooLarge(field);
            }
            if (Files.size(uploaded) == 0) {
                throw ProblemException.invalidField(field, "is empty");
            }
            Path file = newFile();
            Files.move(uploaded, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path newFile() {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, "releases-upload-", ".dump");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create an upload file in " + directory, e);
        }
    }

    private ProblemException tooLarge(String field) {
        String message = "is larger than the upload limit of " + maxBytes + " bytes (import big dumps by path)";
        return new ProblemException(new Problem(Problem.TYPE_BASE + "content-too-large", "Content Too Large", 413,
                field + ": " + message, null, List.of(new Problem.FieldError(field, message))));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the directory is scratch space
        }
    }
}
