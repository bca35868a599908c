package io.rotation.platform.cache;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One cache rule: keys matching {@code keyPattern} ({@code *}: any characters, everything else literal) are
 * kept {@code ttl}, or not cached at all when the rule is disabled. {@code maxEntries} is the bound an
 * admin set (null: none); the Redis caches store it for reference, Redis' own memory policy evicts.
 */
public record CacheRule(long id, String keyPattern, Pattern regex, Duration ttl, Integer maxEntries, boolean enabled) {

    public static CacheRule of(long id, String keyPattern, Duration ttl, Integer maxEntries, boolean enabled) {
        return new CacheRule(id, keyPattern, compiled(keyPattern), ttl, maxEntries, enabled);
    }

    public boolean matches(String key) {
        return regex.matcher(key).matches();
    }

    /** How many literal characters the pattern has: the more, the more specific. */
    int specificity() {
        return keyPattern.replace("*", "").length();
    }

    private static Pattern compiled(String keyPattern) {
        String[] parts = keyPattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
