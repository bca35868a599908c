package io.rotation.config.ratelimit.service;

import io.rotation.config.ratelimit.model.RateLimitDefinition;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.ratelimit.RateLimitRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a rule must be before it is stored: every field checked, every problem named at once. */
final class RateLimitValidation {

    private static final Set<String> TYPES = Set.of(RateLimitRule.USER, RateLimitRule.IP, RateLimitRule.API_KEY,
            RateLimitRule.GLOBAL);
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_WINDOW = 86_400;

    private RateLimitValidation() {
    }

    static RateLimitDefinition valid(RateLimitDefinition r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.identifierType() == null || !TYPES.contains(r.identifierType())) {
            errors.add(new Problem.FieldError("identifier_type", "must be one of user, ip, api_key, global"));
        } else if (identifierProblem(r.identifierType(), r.identifier()) != null) {
            errors.add(new Problem.FieldError("identifier", identifierProblem(r.identifierType(), r.identifier())));
        }
        String pattern = r.endpointPattern() == null || r.endpointPattern().length() > 255
                ? "is required, at most 255 characters" : RateLimitRule.patternProblem(r.endpointPattern());
        if (pattern != null) {
            errors.add(new Problem.FieldError("endpoint_pattern", pattern));
        }
        if (r.maxRequests() < 1 || r.maxRequests() > 10_000_000) {
            errors.add(new Problem.FieldError("max_requests", "must be between 1 and 10000000"));
        }
        if (r.windowSeconds() < 1 || r.windowSeconds() > MAX_WINDOW) {
            errors.add(new Problem.FieldError("window_seconds", "must be between 1 and " + MAX_WINDOW));
        }
        if (r.blockSeconds() < 0 || r.blockSeconds() > MAX_WINDOW) {
            errors.add(new Problem.FieldError("block_seconds", "must be between 0 and " + MAX_WINDOW));
        }
        if (r.description() != null && r.description().length() > 1000) {
            errors.add(new Problem.FieldError("description", "at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the rate-limit rule is not valid", errors));
        }
        return r;
    }

    private static String identifierProblem(String type, String identifier) {
        if (identifier == null || identifier.isEmpty() || identifier.length() > 255) {
            return "is required (* for each caller on its own), at most 255 characters";
        }
        if (RateLimitRule.ANY.equals(identifier)) {
            return null;
        }
        return switch (type) {
            case RateLimitRule.GLOBAL -> "must be * for a global rule";
            case RateLimitRule.USER -> USER_ID.matcher(identifier).matches() ? null : "must be * or a user id";
            case RateLimitRule.IP -> ADDRESS.matcher(identifier).matches() ? null : "must be * or an IPv4/IPv6 address";
            default -> SHA256.matcher(identifier).matches() ? null
                    : "must be * or the lower-case SHA-256 hex of the API key (the key itself is never stored)";
        };
    }
}
