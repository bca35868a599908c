package io.rotation.matching.platforms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which platform searches are on, which are off and why, and their last problem. Always UP: an
 * adapter that is off or out of quota makes matching poorer, not unready (release videos still match).
 */
@Readiness
@ApplicationScoped
public class PlatformAdaptersHealth implements HealthCheck {

    private final List<PlatformAdapter> adapters;

    public PlatformAdaptersHealth(Instance<PlatformAdapter> adapters) {
        this.adapters = adapters.stream().toList();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Platform search adapters").up();
        for (PlatformAdapter adapter : adapters) {
            AdapterState state = adapter.state();
            StringBuilder text = new StringBuilder(state.enabled() ? "on" : "off");
            state.describe().forEach((k, v) -> {
                if (!"enabled".equals(k)) {
                    text.append("; ").append(k).append(": ").append(v);
                }
            });
            response.withData(adapter.platform().name(), text.toString());
        }
        return response.build();
    }
}
