package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ManifestsAreValidTest {

    private final Manifests manifests = Manifests.ofOverlays();

    @Test
    void everyResourceOfTheOverlaysIsAValidObjectOfItsKind() {
        List<String> problems = new ArrayList<>();
        List<Manifests.Resource> resources = manifests.resources();
        for (Manifests.Resource resource : resources) {
            ManifestModels.problems(resource.doc()).forEach(p -> problems.add(resource + ": " + p));
        }
        assertThat(resources).hasSizeGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPatchFilePatchesAResourceThatExistsWithFieldsItsKindHas() {
        Set<String> names = manifests.resources().stream().map(r -> r.kind() + "/" + r.name()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (Manifests.Resource patch : manifests.patches()) {
            if (!names.contains(patch.kind() + "/" + patch.name())) {
                problems.add(patch + ": patches nothing");
            }
            ManifestModels.problems(patch.doc()).forEach(p -> problems.add(patch + ": " + p));
        }
        assertThat(manifests.patches()).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    /** The models accept a pod without an image or a Job without a restart policy; the API server does not. */
    @Test
    void everyWorkloadsContainersHaveAnImageAndEveryJobARestartPolicyAJobMayHave() {
        List<String> problems = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "Job")) {
            for (Manifests.Resource resource : manifests.resources(kind)) {
                JsonNode pod = resource.doc().path("spec").path("template").path("spec");
                for (String list : List.of("initContainers", "containers")) {
                    pod.path(list).forEach(c -> {
                        if (c.path("image").asText().isBlank()) {
                            problems.add(resource + ": container " + c.path("name").asText() + " has no image");
                        }
                    });
                }
                String restart = pod.path("restartPolicy").asText();
                if (kind.equals("Job") && !Set.of("Never", "OnFailure").contains(restart)) {
                    problems.add(resource + ": restartPolicy '" + restart + "' (a Job needs Never or OnFailure)");
                }
            }
        }
        assertThat(manifests.resources("Job")).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyYamlFileUnderDeployK8sIsUsedByAnOverlay() {
        Set<Path> used = manifests.usedFiles();
        assertThat(Manifests.yamlFilesUnderK8s()).allSatisfy(file -> assertThat(used).as("used by an overlay").contains(file));
    }
}
