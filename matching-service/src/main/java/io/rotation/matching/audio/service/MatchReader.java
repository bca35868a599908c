package io.rotation.matching.audio.service;

import io.rotation.matching.audio.cache.MatchCache;
import io.rotation.matching.audio.model.MatchList;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.repository.AudioMatchRepository;
import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Serves matches through the Redis cache: a track's or a record's playable matches, best first; one match. */
@ApplicationScoped
public class MatchReader {

    private final Pool pool;
    private final AudioMatchRepository matches;
    private final ReleaseRepository releases;
    private final MatchCache cache;

    public MatchReader(Pool pool, AudioMatchRepository matches, ReleaseRepository releases, MatchCache cache) {
        this.pool = pool;
        this.matches = matches;
        this.releases = releases;
        this.cache = cache;
    }

    /** The track's playable matches (empty when it has none, or matching does not know it). */
    public Uni<MatchList> ofTrack(long trackId) {
        return cache.get(MatchCache.trackKey(trackId), MatchList.class,
                () -> matches.playableOfTracks(new Long[] {trackId}).map(MatchList::new));
    }

    /** The playable matches of every track of the record, in tracklist order, each track's best first. */
    public Uni<MatchList> ofRecord(long recordId) {
        return cache.get(MatchCache.recordKey(recordId), MatchList.class, () -> releases.trackIdsOf(recordId)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(new MatchList(List.of()))
                        : matches.playableOfTracks(ids.toArray(Long[]::new)).map(MatchList::new)));
    }

    /** One match, whatever its status; 404 when there is none. */
    public Uni<MatchView> byId(long id) {
        return cache.get(MatchCache.matchKey(id), MatchView.class, () -> matches.findById(pool, id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("match " + id));
    }
}
