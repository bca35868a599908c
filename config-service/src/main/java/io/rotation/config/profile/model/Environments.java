package io.rotation.config.profile.model;

import java.util.List;

/** The environments a profile can be for (ck_config_profiles_environment) and platform's rotation.environment names. */
public final class Environments {

    public static final List<String> ALL = List.of("development", "test", "staging", "production");

    private Environments() {
    }
}
