package io.rotation.platform.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every meter carries {@code application=<service>}: the dashboards and alert rules
 * (deploy/monitoring) group by it, whatever labels the cluster's scrape configuration adds
 * (not {@code service}, which the Prometheus operator sets itself).
 */
@Singleton
public class ApplicationTag {

    public static final String TAG = "application";

    @Produces
    @Singleton
    static MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of(TAG, service));
    }
}
