package io.rotation.catalog.discogs.dump;

/** A release that cannot be imported; the import skips it with this reason. */
public class MalformedReleaseException extends RuntimeException {
    public MalformedReleaseException(String reason) {
        super(reason);
    }
}
