package io.rotation.userfeatures.play.model;

/** What a batch did: {@code stored} new plays, {@code duplicates} already stored (retries). */
public record BatchResult(int received, int stored, int duplicates) {
}
