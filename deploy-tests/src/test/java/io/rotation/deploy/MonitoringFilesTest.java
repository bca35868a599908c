package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard of deploy/monitoring are well formed and every alert has its
 * section in the runbook. That their metrics exist is system-tests' ExportedMetricsTest (it needs the
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
