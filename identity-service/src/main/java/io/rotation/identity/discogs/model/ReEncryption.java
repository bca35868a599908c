package io.rotation.identity.discogs.model;

/**
 * What a re-encryption run did: rows moved to the current key version, rows that did not open
 * with their version's configured key (left as they are), and rows still under another version
 * afterwards (those, rows of versions without a configured key, and rows written concurrently).
 */
public record ReEncryption(int currentKeyVersion, long reEncrypted, long failed, long remaining) {
}
