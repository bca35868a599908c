package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void namesTheSelectedMetricsButNotFunctionsGroupingsLabelsRangesOrNumbers() {
        assertThat(PromQl.metricNames("""
                sum by (application) (rate(http_server_requests_seconds_count{uri=~"/api/.*", status=~"5.."}[5m]))
                  / on (application) sum without (uri) (rate(other_total[1m])) > 0.02e3"""))
                .containsExactly("http_server_requests_seconds_count", "other_total");
    }

    @Test
    void takesTheMetricOfAGrafanaLabelValuesQuery() {
        assertThat(PromQl.metricNames("label_values(rotation_outbox_relayed_total, application)"))
                .containsExactly("rotation_outbox_relayed_total");
    }
}
