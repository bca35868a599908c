package io.rotation.matching.audio.model;

import java.util.List;

/** The playable matches of a track (or of every track of a record), best first. */
public record MatchList(List<MatchView> items) {
}
