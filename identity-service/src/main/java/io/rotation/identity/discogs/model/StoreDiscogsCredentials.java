package io.rotation.identity.discogs.model;

/**
 * {@code GET /internal/v1/stores/{id}/discogs-credentials} (services only): the decrypted Discogs
 * token of the store's owner, else of one of its managers, and whose it is. {@code tokenSecret} is
 * null for a personal token ({@code Authorization: Discogs token=…}), set for an OAuth access token
 * (requests signed with the application's consumer key). Never printed.
 */
public record StoreDiscogsCredentials(long storeId, long userId, String username, String token, String tokenSecret) {

    @Override
    public String toString() {
        return "StoreDiscogsCredentials[storeId=" + storeId + ", userId=" + userId + ", username=" + username
                + ", token=redacted]";
    }
}
