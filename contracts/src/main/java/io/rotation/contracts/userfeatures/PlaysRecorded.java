package io.rotation.contracts.userfeatures;

import java.util.List;

/**
 * The plays one request stored in play_history (a batch, or a single play as a batch of one), all of one
 * user: announced once per request that stored at least one play, with only the plays it newly stored
 * (split over several events only where one would pass Kafka's record size); a client's retry of a play
 * already stored is neither stored nor announced again. Each element carries what a {@link PlayRecorded}
 * carries.
 */
public record PlaysRecorded(
        long userId,
        List<PlayRecorded> plays) {
}
