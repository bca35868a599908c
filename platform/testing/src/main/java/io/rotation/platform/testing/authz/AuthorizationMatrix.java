package io.rotation.platform.testing.authz;

import io.rotation.platform.testing.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The table in {@code docs/security/authorization-matrix.md}: one {@code ## <service>} section per
 * service, each a Markdown table with the columns method, path, call, body, fixture and one per
 * persona. Kept in the repo so that reviewers read the rules where the tests read them.
 */
public final class AuthorizationMatrix {

    public static final String LOCATION = "docs/security/authorization-matrix.md";

    private AuthorizationMatrix() {
    }

    public static List<MatrixRow> rowsOf(String service) {
        Path file = RepoRoot.find().resolve(LOCATION);
        try {
            return parse(Files.readAllLines(file), service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<MatrixRow> parse(List<String> lines, String service) {
        List<MatrixRow> rows = new ArrayList<>();
        String section = null;
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                section = line.substring(3).trim();
                header = null;
            } else if (service.equals(section) && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (header == null) {
                    header = cells;
                } else if (!cells.get(0).startsWith("---")) {
                    rows.add(row(service, header, cells));
                }
            }
        }
        return rows;
    }

    private static MatrixRow row(String service, List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("matrix row of " + service + " has " + cells.size()
                    + " cells, the header " + header.size() + ": " + cells);
        }
        Map<Persona, String> expected = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            int column = header.indexOf(persona.column());
            if (column < 0) {
                throw new IllegalArgumentException("matrix of " + service + " lacks the column " + persona.column());
            }
            expected.put(persona, cells.get(column));
        }
        return new MatrixRow(service, cell(header, cells, "method").toUpperCase(), cell(header, cells, "path"),
                cell(header, cells, "call"), cell(header, cells, "body"),
                "fresh".equals(cell(header, cells, "fixture")), expected);
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("matrix header lacks the column " + column);
        }
        return cells.get(index);
    }

    private static List<String> cells(String line) {
        String inner = line.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1))
                .map(String::trim)
                .map(c -> c.length() >= 2 && c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c)
                .toList();
    }
}
