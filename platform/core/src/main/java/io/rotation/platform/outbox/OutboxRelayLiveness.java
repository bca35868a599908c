package io.rotation.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Down when the outbox relay's loop has not come round for the liveness timeout (its thread died or
 * hangs): a restart is what fixes that. A database or Kafka outage does not stop the loop from
 * coming round (it backs off and tries again), so it never fails liveness.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayLiveness implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayLiveness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox relay").status(relay.isAlive())
                .withData("leader", relay.isLeader())
                .withData("last_turn", relay.lastTurn().toString())
                .build();
    }
}
