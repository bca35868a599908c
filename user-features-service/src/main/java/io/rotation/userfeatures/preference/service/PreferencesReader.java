package io.rotation.userfeatures.preference.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.userfeatures.preference.model.Preferences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a JSON document of preferences onto a base, field by field: every field that is wrong is
 * named in one 400 problem, and an unknown field is an error (a typo must not be silently dropped).
 */
final class PreferencesReader {

    static final int MAX_GENRES = 50;
    static final int MAX_GENRE_LENGTH = 64;
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final Set<String> FIELDS = Set.of("preferred_platforms", "preferred_genres", "explicit_content",
            "autoplay", "audio_quality", "language", "theme", "email_notifications", "push_notifications",
            "store_listing_notifications");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private PreferencesReader() {
    }

    static Preferences apply(Preferences base, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalidField("body", "must be a JSON object");
        }
        return new PreferencesReader().read(base, body);
    }

    private Preferences read(Preferences base, JsonNode body) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!FIELDS.contains(field)) {
                errors.add(new Problem.FieldError(field, "is not a preference"));
            }
        }
        Preferences read = new Preferences(
                list(body, "preferred_platforms", base.preferredPlatforms(), true),
                list(body, "preferred_genres", base.preferredGenres(), false),
                bool(body, "explicit_content", base.explicitContent()),
                bool(body, "autoplay", base.autoplay()),
                oneOf(body, "audio_quality", base.audioQuality(), Preferences.AUDIO_QUALITIES),
                language(body, base.language()),
                oneOf(body, "theme", base.theme(), Preferences.THEMES),
                bool(body, "email_notifications", base.emailNotifications()),
                bool(body, "push_notifications", base.pushNotifications()),
                bool(body, "store_listing_notifications", base.storeListingNotifications()),
                base.updatedAt());
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                    .orElseThrow();
            throw new ProblemException(Problem.invalid(detail, List.copyOf(errors)));
        }
        return read;
    }

    private boolean bool(JsonNode body, String field, boolean current) {
        JsonNode value = body.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isBoolean()) {
            errors.add(new Problem.FieldError(field, "must be true or false"));
            return current;
        }
        return value.booleanValue();
    }

    private String oneOf(JsonNode body, String field, String current, List<String> allowed) {
        JsonNode value = body.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            errors.add(new Problem.FieldError(field, "must be one of " + allowed));
            return current;
        }
        return value.textValue();
    }

    private String language(JsonNode body, String current) {
        JsonNode value = body.get("language");
        if (value == null) {
            return current;
        }
        if (!value.isTextual() || value.textValue().length() > 35 || !LANGUAGE.matcher(value.textValue()).matches()) {
            errors.add(new Problem.FieldError("language", "must be a language tag such as en or pt-BR"));
            return current;
        }
        return value.textValue();
    }

    /** Platforms: known ones, each once, in order of preference. Genres: short free text, each once. */
    private List<String> list(JsonNode body, String field, List<String> current, boolean platforms) {
        JsonNode value = body.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isArray()) {
            errors.add(new Problem.FieldError(field, "must be a list"));
            return current;
        }
        if (!platforms && value.size() > MAX_GENRES) {
            errors.add(new Problem.FieldError(field, "must hold at most " + MAX_GENRES + " genres"));
            return current;
        }
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String name = field + "[" + i + "]";
            String text = item.isTextual() ? item.textValue().strip() : null;
            if (text == null || text.isEmpty()) {
                errors.add(new Problem.FieldError(name, "must be a non-empty string"));
            } else if (platforms && !Preferences.PLATFORMS.contains(text)) {
                errors.add(new Problem.FieldError(name, "must be one of " + Preferences.PLATFORMS));
            } else if (!platforms && text.length() > MAX_GENRE_LENGTH) {
                errors.add(new Problem.FieldError(name, "must be at most " + MAX_GENRE_LENGTH + " characters"));
            } else if (!seen.add(platforms ? text : text.toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new Problem.FieldError(name, "is listed twice"));
            } else {
                items.add(text);
            }
        }
        return List.copyOf(items);
    }
}
