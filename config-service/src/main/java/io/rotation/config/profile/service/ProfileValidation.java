package io.rotation.config.profile.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.config.profile.model.Environments;
import io.rotation.config.profile.model.ProfileRow;
import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.service.SettingValues;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a profile must be before it is stored: each override names a setting that exists, is not secret, and has a value of its type. */
final class ProfileValidation {

    private ProfileValidation() {
    }

    static void valid(ProfileRow p, JsonNode settingsSent, Map<String, SettingRow> settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (p.name() == null || p.name().isBlank() || p.name().length() > 64) {
            errors.add(new Problem.FieldError("name", "is required, at most 64 characters"));
        }
        if (p.environment() == null || !Environments.ALL.contains(p.environment())) {
            errors.add(new Problem.FieldError("environment", "must be one of " + String.join(", ", Environments.ALL)));
        }
        if (p.description() != null && p.description().length() > 1000) {
            errors.add(new Problem.FieldError("description", "at most 1000 characters"));
        }
        if (settingsSent != null && !settingsSent.isNull() && !settingsSent.isObject()) {
            errors.add(new Problem.FieldError("settings", "must be an object of setting key → value"));
        } else {
            p.settings().properties().forEach(e -> {
                SettingRow setting = settings.get(e.getKey());
                String field = "settings." + e.getKey();
                if (setting == null) {
                    errors.add(new Problem.FieldError(field, "no such setting"));
                } else if (setting.secret()) {
                    errors.add(new Problem.FieldError(field, "a secret setting is not overridden by profiles"));
                } else {
                    String problem = SettingValues.problem(setting.settingType(), e.getValue());
                    if (problem != null) {
                        errors.add(new Problem.FieldError(field, problem));
                    }
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the profile is not valid", errors));
        }
    }
}
