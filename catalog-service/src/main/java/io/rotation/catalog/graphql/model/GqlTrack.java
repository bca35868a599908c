package io.rotation.catalog.graphql.model;

import io.rotation.catalog.record.model.Track;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** A track in GraphQL (artists flattened to the display names of the track's own artists). */
@Name("Track")
@Description("An entry of a release's tracklist (headings included, flagged)")
public class GqlTrack {

    public long id;
    public long recordId;
    public Long parentTrackId;
    public String position;
    public int trackIndex;
    public String title;
    public Integer durationSeconds;
    public boolean heading;

    public static GqlTrack of(Track t) {
        GqlTrack g = new GqlTrack();
        g.id = t.id;
        g.recordId = t.recordId;
        g.parentTrackId = t.parentTrackId;
        g.position = t.position;
        g.trackIndex = t.trackIndex;
        g.title = t.title;
        g.durationSeconds = t.durationSeconds;
        g.heading = t.heading;
        return g;
    }
}
