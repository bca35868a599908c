package io.rotation.matching.scoring;

import io.rotation.platform.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hand labels of bench/matching/labels.csv (split into a tuning and a held-out half) and the fresh sets
 * labels-fresh*.csv (each labelled later, before the scorer was run on it): which track of its release each video is.
 */
public final class Labels {

    public static final Path PATH = RepoRoot.find().resolve("bench/matching/labels.csv");
    /** The fresh sets, in the order they were labelled. */
    public static final List<Path> FRESH = List.of(RepoRoot.find().resolve("bench/matching/labels-fresh.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-2.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-3.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-4.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-5.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-6.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-7.csv"),
            RepoRoot.find().resolve("bench/matching/labels-fresh-8.csv"));

    /**
     * One labelled video. {@code positions} are the right tracks' positions (two when the release lists
     * the song on two media); empty when the video is none of the release's tracks.
     */
    public record Label(long releaseId, String videoId, String videoTitle, Set<String> positions, boolean unsure,
                        String note, int freshSet) {

        /** Labelled after labels.csv, in fresh set {@code freshSet} (1, 2…); 0 for labels.csv. */
        public boolean fresh() {
            return freshSet > 0;
        }

        public boolean isTrack() {
            return !unsure && !positions.isEmpty();
        }

        public boolean isNone() {
            return !unsure && positions.isEmpty();
        }

        /** The half of labels.csv the weights were tuned on; the other half and the fresh labels are held out. */
        public boolean tuning() {
            return !fresh() && Long.hashCode(releaseId * 0x9E3779B97F4A7C15L >>> 17) % 2 == 0;
        }

        /** The held-out half of labels.csv. */
        public boolean heldOut() {
            return !fresh() && !tuning();
        }
    }

    private Labels() {
    }

    public static List<Label> all() {
        List<Label> out = new ArrayList<>(read(PATH, 0));
        for (int i = 0; i < FRESH.size(); i++) {
            out.addAll(read(FRESH.get(i), i + 1));
        }
        return out;
    }

    private static List<Label> read(Path path, int freshSet) {
        try {
            List<Label> out = new ArrayList<>();
            boolean header = true;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> f = csv(line);
                String label = f.get(4);
                boolean unsure = label.equals("unsure");
                Set<String> positions = unsure || label.equals("none") ? Set.of() : Set.of(label.split("\\|"));
                out.add(new Label(Long.parseLong(f.get(0)), f.get(1), f.get(2), positions, unsure, f.get(6), freshSet));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** One CSV record (RFC 4180 quoting; the labels have no line breaks inside fields). */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
