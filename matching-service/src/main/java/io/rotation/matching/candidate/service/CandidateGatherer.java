package io.rotation.matching.candidate.service;

import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.matching.audio.service.PlatformUrls;
import io.rotation.matching.platforms.service.PlatformAdapter;
import io.rotation.matching.platforms.service.PlatformAdapter.TrackQuery;
import io.rotation.matching.release.model.ReleaseToMatch;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.TrackInfo;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A release's candidates: first the videos the release itself lists on Discogs (the best evidence:
 * a Discogs editor tied them to this release), then each enabled platform's search results for each
 * track. A video found twice is kept once, with the release's listing winning.
 */
@ApplicationScoped
public class CandidateGatherer {

    private final List<PlatformAdapter> adapters;
    private final int resultsPerTrack;

    public CandidateGatherer(Instance<PlatformAdapter> adapters,
                             @ConfigProperty(name = "rotation.matching.search.results-per-track", defaultValue = "5")
                             int resultsPerTrack) {
        this.adapters = adapters.stream().toList();
        this.resultsPerTrack = resultsPerTrack;
    }

    public Uni<List<Candidate>> gather(ReleaseToMatch release) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        releaseVideos(release.videos()).forEach(c -> candidates.putIfAbsent(key(c), c));
        List<PlatformAdapter> enabled = adapters.stream().filter(PlatformAdapter::enabled).toList();
        if (enabled.isEmpty() || release.context().tracks().isEmpty()) {
            return Uni.createFrom().item(List.copyOf(candidates.values()));
        }
        List<TrackQuery> queries = release.context().tracks().stream().map(t -> query(release.context(), t)).toList();
        return Multi.createFrom().iterable(enabled)
                .onItem().transformToUniAndConcatenate(adapter -> Multi.createFrom().iterable(queries)
                        .onItem().transformToUniAndConcatenate(adapter::search)
                        .collect().asList())
                .collect().asList()
                .map(results -> {
                    results.forEach(perAdapter -> perAdapter.forEach(list ->
                            list.forEach(c -> candidates.putIfAbsent(key(c), c))));
                    return List.copyOf(candidates.values());
                });
    }

    /** The release's Discogs videos that are on a platform matching knows (YouTube, as Discogs lists them). */
    static List<Candidate> releaseVideos(List<RecordUpserted.Video> videos) {
        List<Candidate> out = new ArrayList<>();
        for (RecordUpserted.Video video : videos) {
            PlatformUrls.parse(video.uri()).ifPresent(url -> out.add(new Candidate(url.platform().name(),
                    url.externalId(), url.url(), video.title(), null, video.durationSeconds(),
                    Candidate.SOURCE_RELEASE_VIDEO, null, null)));
        }
        return out;
    }

    private TrackQuery query(ReleaseContext release, TrackInfo track) {
        List<String> artists = track.artists().isEmpty() ? release.artists() : track.artists();
        return new TrackQuery(String.join(", ", artists), track.title(), release.title(), track.durationSeconds(),
                resultsPerTrack);
    }

    private static String key(Candidate c) {
        return c.platform() + ":" + c.externalId();
    }
}
