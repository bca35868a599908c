package io.rotation.identity.discogs.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pgcrypto key Discogs tokens are encrypted with ({@code rotation.discogs.token-key}, env
 * {@code ROTATION_DISCOGS_TOKEN_KEY}). Dev and test profiles carry a default; outside them the
 * service refuses to start without a key of at least {@value #MIN_LENGTH} characters.
 */
@ApplicationScoped
public class DiscogsTokenKey {

    static final int MIN_LENGTH = 16;

    private final Optional<String> key;
    private final int version;

    public DiscogsTokenKey(@ConfigProperty(name = "rotation.discogs.token-key") Optional<String> key,
                           @ConfigProperty(name = "rotation.discogs.token-key-version", defaultValue = "1") int version) {
        this.key = key.filter(k -> !k.isBlank());
        this.version = version;
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

    public String key() {
        return key.orElseThrow(() -> new IllegalStateException("no Discogs token key configured"));
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "DiscogsTokenKey[version=" + version + "]";
    }
}
