package io.rotation.config.cache.service;

import io.rotation.config.cache.model.CacheRuleDefinition;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a cache rule must be before it is stored: every field checked, every problem named at once. */
final class CacheRuleValidation {

    /** Redis key characters the suite uses (letters, digits, : . _ - /) and the * wildcard. */
    private static final Pattern KEY_PATTERN = Pattern.compile("[A-Za-z0-9:._/*-]{1,255}");
    private static final int MAX_TTL = 30 * 86_400;

    private CacheRuleValidation() {
    }

    static CacheRuleDefinition valid(CacheRuleDefinition r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.keyPattern() == null || !KEY_PATTERN.matcher(r.keyPattern()).matches()) {
            errors.add(new Problem.FieldError("key_pattern",
                    "is required: 1-255 of letters, digits, : . _ - / and * (any characters), e.g. catalog:record:*"));
        }
        if (r.ttlSeconds() < 1 || r.ttlSeconds() > MAX_TTL) {
            errors.add(new Problem.FieldError("ttl_seconds", "must be between 1 and " + MAX_TTL));
        }
        if (r.maxEntries() != null && r.maxEntries() < 1) {
            errors.add(new Problem.FieldError("max_entries", "must be at least 1 (or absent: unbounded)"));
        }
        if (r.description() != null && r.description().length() > 1000) {
            errors.add(new Problem.FieldError("description", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the cache rule is not valid", errors));
        }
        return r;
    }
}
