package io.rotation.platform.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "rotation.jobs")
public interface JobsConfig {

    /** The service that runs jobs here, as {@code JobRequested.ownerService} names it. */
    @WithDefault("${quarkus.application.name}")
    String service();

    /** How many jobs this instance runs at the same time (the others wait in its queue, heartbeating). */
    @WithDefault("1")
    int workers();

    /**
     * How often every open run (queued or running here) reports that it is alive. analytics treats a
     * run silent for several of these as dead, so keep it well below analytics' stale time.
     */
    @WithDefault("15s")
    Duration heartbeatEvery();

    /** Progress (percent and counts) is reported at most this often per run; log lines always are. */
    @WithDefault("1s")
    Duration progressEvery();
}
