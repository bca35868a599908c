package io.rotation.analytics.jobs.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How analytics dispatches jobs and watches their runners. */
@ConfigMapping(prefix = "rotation.analytics.jobs")
public interface JobsSettings {

    /** A running job with no report for this long is taken as dead (runners heartbeat every 15 s). */
    @WithDefault("60s")
    Duration staleAfter();

    /** A dispatched job no runner accepted within this long (its owner is down) counts as a failed attempt. */
    @WithDefault("5m")
    Duration queuedTimeout();

    /** Wait before the first retry; doubled with every further attempt, up to retry-max. */
    @WithDefault("10s")
    Duration retryBase();

    @WithDefault("10m")
    Duration retryMax();

    /** How often due jobs are sent to their owners. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** How often the watchdog looks for silent runners. */
    @WithDefault("5s")
    Duration watchEvery();

    /** How often a progress WebSocket looks for changes of its job. */
    @WithDefault("500ms")
    Duration streamEvery();
}
