package io.rotation.analytics.jobs.model;

import java.util.Map;

/** Body of {@code POST /api/v1/jobs}. {@code maxRetries}: attempts after the first (default 2, at most 10). */
public record NewJob(String type, Map<String, Object> params, Long dependsOn, Integer maxRetries, Integer priority) {
}
