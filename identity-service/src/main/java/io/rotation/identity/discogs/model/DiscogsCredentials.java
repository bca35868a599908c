package io.rotation.identity.discogs.model;

/** A user's decrypted Discogs token, for identity's own calls to Discogs; never serialised or printed. */
public record DiscogsCredentials(String token, String tokenSecret) {

    @Override
    public String toString() {
        return "DiscogsCredentials[redacted]";
    }
}
