package io.rotation.matching.audio.model;

/** The {@code match_status} enum; constants are spelled as the database spells them. */
public enum MatchStatus {
    unverified, verified, needs_review, rejected, auto_approved
}
