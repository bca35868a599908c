package io.rotation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kubernetes resources of deploy/k8s as Kustomize assembles them for the overlays: the files their
 * kustomizations name as resources (following bases and components), without applying patches. Patch
 * files are kept apart: they are partial documents.
 */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path K8S = Repo.path("deploy/k8s");
    static final List<String> OVERLAYS = List.of("overlays/production", "overlays/local");

    /** One YAML document of a resource file. */
    record Resource(Path file, JsonNode doc) {
        String apiVersion() {
            return doc.path("apiVersion").asText();
        }

        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + K8S.relativize(file) + ")";
        }
    }

    private final Set<Path> resourceFiles = new LinkedHashSet<>();
    private final Set<Path> patchFiles = new LinkedHashSet<>();
    private final Set<Path> kustomizations = new LinkedHashSet<>();

    private Manifests() {
    }

    static Manifests ofOverlays() {
        Manifests manifests = new Manifests();
        OVERLAYS.forEach(overlay -> manifests.follow(K8S.resolve(overlay)));
        return manifests;
    }

    /** Every resource, each file once (the overlays share their base). */
    List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        resourceFiles.forEach(file -> documents(file).forEach(doc -> all.add(new Resource(file, doc))));
        return all;
    }

    List<Resource> resources(String kind) {
        return resources().stream().filter(r -> r.kind().equals(kind)).toList();
    }

    List<Resource> patches() {
        List<Resource> all = new ArrayList<>();
        patchFiles.forEach(file -> documents(file).forEach(doc -> all.add(new Resource(file, doc))));
        return all;
    }

    /** Every file a kustomization uses: a YAML file under deploy/k8s outside this set is dead. */
    Set<Path> usedFiles() {
        Set<Path> used = new LinkedHashSet<>(resourceFiles);
        used.addAll(patchFiles);
        used.addAll(kustomizations);
        return used;
    }

    static List<Path> yamlFilesUnderK8s() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private void follow(Path dir) {
        Path kustomization = Stream.of("kustomization.yaml", "kustomization.yml")
                .map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("no kustomization in " + dir));
        if (!kustomizations.add(kustomization.normalize())) {
            return;
        }
        JsonNode k = documents(kustomization).get(0);
        for (String field : List.of("resources", "components")) {
            for (JsonNode entry : k.path(field)) {
                Path target = dir.resolve(entry.asText()).normalize();
                if (Files.isDirectory(target)) {
                    follow(target);
                } else {
                    resourceFiles.add(target);
                }
            }
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                patchFiles.add(dir.resolve(patch.get("path").asText()).normalize());
            }
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            for (JsonNode file : generator.path("files")) {
                String source = file.asText();
                kustomizations.add(dir.resolve(source.substring(source.indexOf('=') + 1)).normalize());
            }
        }
    }

    static ObjectNode copy(JsonNode doc) {
        return (ObjectNode) doc.deepCopy();
    }
}
