package io.rotation.config.setting.service;

import io.rotation.config.setting.model.SettingInput;
import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.model.SettingType;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a setting must be before it is stored: every field checked, every problem named at once. */
final class SettingValidation {

    /** As ck_settings_key. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
    /** Paths of the settings API that a key would shadow. */
    private static final Set<String> RESERVED = Set.of("public", "effective");
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    private SettingValidation() {
    }

    /** A new setting's type, after the input is checked as a whole (key, type, value, default, flags). */
    static SettingType validNew(SettingInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.key() == null || in.key().length() > 128 || !KEY.matcher(in.key()).matches()) {
            errors.add(new Problem.FieldError("key", "is required: lower-case letters and digits in parts joined by . _ or -, at most 128 characters"));
        } else if (RESERVED.contains(in.key())) {
            errors.add(new Problem.FieldError("key", "public and effective are paths of this API, not keys"));
        }
        SettingType type = type(in.settingType());
        if (type == null) {
            errors.add(new Problem.FieldError("setting_type", "must be one of string, number, boolean, json, array"));
        } else {
            field(errors, "value", SettingValues.problem(type, in.value()));
            if (present(in.defaultValue())) {
                field(errors, "default_value", SettingValues.problem(type, in.defaultValue()));
            }
        }
        common(errors, in, Boolean.TRUE.equals(in.secret()), Boolean.TRUE.equals(in.isPublic()));
        if (Boolean.TRUE.equals(in.secret()) && present(in.defaultValue())) {
            errors.add(new Problem.FieldError("default_value", "a secret setting has no default value"));
        }
        fail(errors);
        return type;
    }

    /** Checks a change of {@code old}: key, type and secrecy stay; a value sent is of the setting's type. */
    static void validChange(SettingRow old, SettingInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.key() != null && !in.key().equals(old.key())) {
            errors.add(new Problem.FieldError("key", "cannot change (delete the setting and create another)"));
        }
        if (in.settingType() != null && !in.settingType().equals(old.settingType().label())) {
            errors.add(new Problem.FieldError("setting_type", "cannot change (delete the setting and create another)"));
        }
        if (in.secret() != null && in.secret() != old.secret()) {
            errors.add(new Problem.FieldError("secret", "cannot change (delete the setting and create another)"));
        }
        if (present(in.value())) {
            field(errors, "value", SettingValues.problem(old.settingType(), in.value()));
        }
        if (present(in.defaultValue())) {
            field(errors, "default_value", old.secret() ? "a secret setting has no default value"
                    : SettingValues.problem(old.settingType(), in.defaultValue()));
        }
        common(errors, in, old.secret(), in.isPublic() == null ? old.isPublic() : in.isPublic());
        fail(errors);
    }

    static boolean present(com.fasterxml.jackson.databind.JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static void common(List<Problem.FieldError> errors, SettingInput in, boolean secret, boolean isPublic) {
        if (secret && isPublic) {
            errors.add(new Problem.FieldError("public", "a secret setting is never public"));
        }
        if (in.category() != null && (in.category().length() > 64 || !CATEGORY.matcher(in.category()).matches())) {
            errors.add(new Problem.FieldError("category", "lower-case letters and digits in parts joined by . _ or -, at most 64 characters"));
        }
        if (in.description() != null && in.description().length() > 1000) {
            errors.add(new Problem.FieldError("description", "at most 1000 characters"));
        }
    }

    private static SettingType type(String label) {
        return label == null ? null : Arrays.stream(SettingType.values()).filter(t -> t.label().equals(label))
                .findFirst().orElse(null);
    }

    private static void field(List<Problem.FieldError> errors, String field, String problem) {
        if (problem != null) {
            errors.add(new Problem.FieldError(field, problem));
        }
    }

    private static void fail(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the setting is not valid", errors));
        }
    }
}
