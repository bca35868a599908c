package io.rotation.catalog.imports.service;

import io.rotation.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one folder of the server that imports by path may read ({@code rotation.catalog.import.directory};
 * unset: imports by path are off). A requested path, relative to it or absolute, is resolved with its
 * symbolic links and must stay inside. Every refusal says the same thing, so that the answer tells
 * nothing of the server's file system (whether a file exists, is readable, or lies elsewhere).
 */
@ApplicationScoped
public class ImportDirectory {

    static final String REFUSED = "must name a readable releases dump inside the server's import directory";

    private final Optional<Path> root;

    public ImportDirectory(@ConfigProperty(name = "rotation.catalog.import.directory") Optional<String> directory) {
        this.root = directory.filter(d -> !d.isBlank()).map(d -> Path.of(d.trim()));
    }

    /** The real path of the requested dump (blocking), or a 400 problem naming {@code path}. */
    public Path resolve(String requested) {
        if (requested == null || requested.isBlank() || root.isEmpty()) {
            throw refused();
        }
        try {
            Path base = root.get().toRealPath();
            Path file = base.resolve(requested).toRealPath();
            if (file.startsWith(base) && !file.equals(base) && Files.isRegularFile(file) && Files.isReadable(file)) {
                return file;
            }
        } catch (IOException | InvalidPathException | SecurityException e) {
            // answered as every other refusal
        }
        throw refused();
    }

    private static ProblemException refused() {
        return ProblemException.invalidField("path", REFUSED);
    }
}
