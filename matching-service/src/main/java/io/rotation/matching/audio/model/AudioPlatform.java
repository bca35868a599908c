package io.rotation.matching.audio.model;

/** The {@code audio_platform} enum; constants are spelled as the database spells them. */
public enum AudioPlatform {
    youtube, soundcloud, spotify, bandcamp, discogs
}
