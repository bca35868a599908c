package io.rotation.analytics.jobs.model;

/** The {@code log_level} enum; constants are spelled as the database spells them. */
public enum LogLevel {
    debug, info, warning, error, critical
}
