package io.rotation.identity.discogs.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pgcrypto keys Discogs tokens are encrypted with: the current one ({@code
 * ROTATION_DISCOGS_TOKEN_KEY}, version {@code ROTATION_DISCOGS_TOKEN_KEY_VERSION}), which encrypts
 * every write, and the previous ones still needed to read rows not yet re-encrypted ({@code
 * ROTATION_DISCOGS_TOKEN_PREVIOUS_KEYS}: {@code version=key} pairs, comma-separated). Dev and test
 * profiles carry defaults; outside them the service refuses to start without a current key of at
 * least {@value #MIN_LENGTH} characters. No key is ever printed.
 */
@ApplicationScoped
public class DiscogsTokenKey {

    static final int MIN_LENGTH = 16;

    private final Optional<String> key;
    private final int version;
    private final Map<Integer, String> previous;

    @Inject
    public DiscogsTokenKey(@ConfigProperty(name = "rotation.discogs.token-key") Optional<String> key,
                           @ConfigProperty(name = "rotation.discogs.token-key-version", defaultValue = "1") int version,
                           @ConfigProperty(name = "rotation.discogs.token-previous-keys") Optional<String> previous) {
        if (version < 1) {
            throw new IllegalStateException("ROTATION_DISCOGS_TOKEN_KEY_VERSION must be a positive number");
        }
        this.key = key.filter(k -> !k.isBlank());
        this.version = version;
        this.previous = parsePrevious(previous.orElse(""), version);
    }

    DiscogsTokenKey(Optional<String> key, int version) {
        this(key, version, Optional.empty());
    }

    void check(@Observes StartupEvent event) {
        require(key, LaunchMode.current());
    }

    /** Fails start-up in production without a usable key. */
    static void require(Optional<String> key, LaunchMode mode) {
        if (mode == LaunchMode.NORMAL && (key.isEmpty() || key.get().length() < MIN_LENGTH)) {
            throw new IllegalStateException("ROTATION_DISCOGS_TOKEN_KEY (rotation.discogs.token-key) must be set to a"
                    + " secret of at least " + MIN_LENGTH + " characters: Discogs tokens are encrypted with it");
        }
    }

    /** {@code 1=key-one,2=key-two}; a key may hold '=' (split at the first), not ','. */
    static Map<Integer, String> parsePrevious(String raw, int currentVersion) {
        Map<Integer, String> keys = new TreeMap<>();
        int position = 0;
        for (String entry : raw.split(",")) {
            position++;
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String number = eq < 0 ? "" : entry.substring(0, eq).trim();
            String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!number.matches("[1-9][0-9]{0,8}") || value.isEmpty()) {
                throw new IllegalStateException("ROTATION_DISCOGS_TOKEN_PREVIOUS_KEYS: entry " + position
                        + " is not version=key (a positive version, a non-empty key)");
            }
            int v = Integer.parseInt(number);
            if (v == currentVersion) {
                throw new IllegalStateException("ROTATION_DISCOGS_TOKEN_PREVIOUS_KEYS: version " + v
                        + " is the current key's version");
            }
            if (keys.put(v, value) != null) {
                throw new IllegalStateException("ROTATION_DISCOGS_TOKEN_PREVIOUS_KEYS: version " + v + " appears twice");
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    public String key() {
        return key.orElseThrow(() -> new IllegalStateException("no Discogs token key configured"));
    }

    public int version() {
        return version;
    }

    /** The previous keys by version (oldest first), for reading and re-encrypting older rows. */
    public Map<Integer, String> previous() {
        return previous;
    }

    /** Every configured key by version (none without a current key: dev/test before start-up checks). */
    public Map<Integer, String> configured() {
        Map<Integer, String> all = new TreeMap<>(previous);
        key.ifPresent(k -> all.put(version, k));
        return all;
    }

    /** Every key by version, the current one included. */
    public Map<Integer, String> all() {
        Map<Integer, String> all = new TreeMap<>(previous);
        all.put(version, key());
        return all;
    }

    @Override
    public String toString() {
        return "DiscogsTokenKey[version=" + version + ", previous versions=" + previous.keySet() + "]";
    }
}
