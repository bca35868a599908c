package io.rotation.userfeatures.play.model;

/** The {@code play_action} enum; constants are spelled as the database and the JSON spell them. */
public enum PlayAction {
    play, pause, skip, complete, seek
}
