package io.rotation.platform.jobs;

/** The level of a job's log line, as {@code JobProgressReported.level} and analytics' {@code log_level} spell it. */
public enum JobLevel {
    DEBUG, INFO, WARNING, ERROR, CRITICAL;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
