package io.rotation.matching.audio.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * matching's settings. They are read from configuration ({@code rotation.matching.*}, overridable by
 * environment variables) until config-service's settings API serves them; the defaults are the values
 * the labelled sample was judged with.
 */
@ConfigMapping(prefix = "rotation.matching")
public interface MatchingSettings {

    Threshold threshold();

    Feedback feedback();

    Worker worker();

    Cache cache();

    Metadata metadata();

    interface Threshold {
        /** At or above: {@code auto_approved} (playable without review). */
        @WithDefault("0.97")
        double autoApprove();

        /** At or above (and below auto-approve): {@code needs_review}; below: dropped. */
        @WithDefault("0.5")
        double review();
    }

    interface Feedback {
        /**
         * Distinct listeners whose {@code bad_match} reports send an auto-approved or verified match to
         * review at once (since its last review). 1: every report does.
         */
        @WithDefault("1")
        int reportersToDemote();
    }

    interface Worker {
        /** How often the worker looks for releases whose tracks appeared or changed. */
        @WithDefault("2s")
        Duration every();

        /** Releases matched per transaction. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed batch stays another replica's to take if this one dies mid-batch. */
        @WithDefault("5m")
        Duration claim();

        @WithDefault("true")
        boolean enabled();
    }

    interface Cache {
        /** TTL of served match lists in Redis. */
        @WithDefault("24h")
        Duration ttl();

        /** A Redis call slower than this counts as Redis being down: the database answers. */
        @WithDefault("1s")
        Duration timeout();
    }

    interface Metadata {
        /** How long platform metadata is kept in metadata_cache (hard TTL). */
        @WithDefault("7d")
        Duration ttl();

        /** After this the entry is still used but the metadata_refresh job fetches it again. */
        @WithDefault("1d")
        Duration refreshAfter();

        /** Items fetched per platform call (YouTube's videos.list takes up to 50 ids). */
        @WithDefault("50")
        int batchSize();
    }
}
