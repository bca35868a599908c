package io.rotation.userfeatures.projection.model;

import io.rotation.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of things of other services that user-features references, as the API spells them.
 * Each is known here only through its owner's events (the projections).
 */
public enum Reference {
    track, record, store, audio_match, user;

    /** Parses a path or body value; 400 naming {@code field} for an unknown kind. */
    public static Reference parse(String field, String value, Reference... allowed) {
        for (Reference kind : allowed) {
            if (kind.name().equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw ProblemException.invalidField(field, "must be one of " + Arrays.stream(allowed).map(Enum::name).toList());
    }
}
