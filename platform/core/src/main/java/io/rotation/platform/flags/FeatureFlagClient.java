package io.rotation.platform.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Service code asks flags through OpenFeature: inject {@link Client} and call
 * {@code client.getBooleanValue("key", false, ctx)}. The provider evaluates in process against
 * {@link FlagStore}: no call per evaluation.
 */
@ApplicationScoped
public class FeatureFlagClient {

    @Produces
    @Singleton
    Client openFeatureClient(FlagStore store) {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProvider(new RotationFlagProvider(store));
        return api.getClient("rotation");
    }
}
