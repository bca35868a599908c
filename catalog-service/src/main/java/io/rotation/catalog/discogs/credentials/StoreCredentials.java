package io.rotation.catalog.discogs.credentials;

/**
 * The Discogs token a store syncs with, as identity hands it out (its owner's, else a manager's):
 * held in memory for one sync, never stored, never printed. {@code tokenSecret} is null for a
 * personal token, set for an OAuth 1.0a access token.
 */
public record StoreCredentials(long storeId, long userId, String username, String token, String tokenSecret) {

    public boolean isOAuth() {
        return tokenSecret != null;
    }

    @Override
    public String toString() {
        return "StoreCredentials[storeId=" + storeId + ", userId=" + userId + ", username=" + username
                + ", token=redacted]";
    }
}
