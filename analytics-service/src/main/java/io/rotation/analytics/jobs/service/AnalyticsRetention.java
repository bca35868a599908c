package io.rotation.analytics.jobs.service;

import io.rotation.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long analytics keeps its data ({@code cleanup_old_analytics_data}'s retention: usage_metrics this
 * many months, daily_metrics twice that): config-service's setting {@code analytics.retention.months} (read
 * through platform {@link Settings}, so a change applies at the next cleanup), else
 * {@code rotation.analytics.retention.months} (13). A setting outside 1–1200 months is ignored.
 */
@ApplicationScoped
public class AnalyticsRetention {

    public static final String MONTHS = "analytics.retention.months";

    private final Settings settings;
    private final int configuredMonths;

    public AnalyticsRetention(Settings settings,
                              @ConfigProperty(name = "rotation.analytics.retention.months", defaultValue = "13") int configuredMonths) {
        this.settings = settings;
        this.configuredMonths = configuredMonths;
    }

    public int months() {
        long months = settings.whole(MONTHS, configuredMonths);
        return months < 1 || months > 1200 ? configuredMonths : (int) months;
    }
}
