package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard of deploy/monitoring are well formed and every alert has its
 * section in the runbook; promtool accepts the rules and production's PrometheusRule carries them. That their metrics exist is system-tests' ExportedMetricsTest (it needs the
 * running services).
 */
class MonitoringFilesTest {

    private static final String RUNBOOK = "docs/operations.md";

    @Test
    void everyAlertHasAnExpressionASeverityAndItsSectionInTheRunbook() {
        String runbook = Repo.read(Repo.path(RUNBOOK));
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : Manifests.documents(Repo.path("deploy/monitoring/alert-rules.yml")).get(0).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertThat(rule.path("expr").asText()).as(alert).isNotBlank();
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("warning", "critical");
                assertThat(rule.path("annotations").path("runbook").asText()).as(alert)
                        .isEqualTo(RUNBOOK + "#" + alert.toLowerCase());
                assertThat(runbook).as("a section for " + alert).contains("\n### " + alert + "\n");
            }
        }
        assertThat(alerts).doesNotHaveDuplicates().contains("RotationConsumerLagHigh", "RotationDeadLetters",
                "RotationOutboxStale", "RotationHttp5xxRate", "RotationHttpP99Slow", "RotationReadinessFlapping");
    }

    @Test
    void theProductionPrometheusRuleCarriesExactlyTheAlertRulesGroups() {
        JsonNode ruleFile = Manifests.documents(Repo.path("deploy/monitoring/alert-rules.yml")).get(0);
        List<Manifests.Resource> wrapped = Manifests.ofOverlays().resources("PrometheusRule");

        assertThat(wrapped).as("one PrometheusRule, in the production overlay").hasSize(1);
        assertThat(wrapped.get(0).apiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(wrapped.get(0).doc().path("spec").path("groups"))
                .as("regenerate with ./rotation k8s after editing alert-rules.yml").isEqualTo(ruleFile.path("groups"));
        assertThat(Repo.read(Repo.path("deploy/k8s/overlays/production/kustomization.yaml")))
                .contains("../../components/monitoring");
    }

    /** Prometheus' own check of the rule file (Debian's prometheus package ships promtool). */
    @Test
    void promtoolAcceptsTheAlertRules() throws Exception {
        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(promtool != null, "promtool is not installed (apt-get install prometheus): rule syntax not checked");

        Process check = new ProcessBuilder(promtool.toString(), "check", "rules",
                Repo.path("deploy/monitoring/alert-rules.yml").toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyDashboardPanelHasAQueryAndItsOwnId() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repo.path("deploy/monitoring/grafana-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        Set<Integer> ids = new HashSet<>();
        assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(8).allSatisfy(panel -> {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id " + panel.path("id")).isTrue();
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
        });
    }
}
