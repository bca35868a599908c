package io.rotation.catalog.discogs.api;

/** Discogs answered something the sync cannot go on with (after retries); the message names the request. */
public class DiscogsException extends RuntimeException {

    public DiscogsException(String message) {
        super(message);
    }

    public DiscogsException(String message, Throwable cause) {
        super(message, cause);
    }
}
