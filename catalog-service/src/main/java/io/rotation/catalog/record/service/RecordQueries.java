package io.rotation.catalog.record.service;

import io.rotation.catalog.inventory.model.StoreInventory;
import io.rotation.catalog.record.model.CatalogRecord;
import io.rotation.catalog.record.model.RecordDetail;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.catalog.record.model.Track;
import io.rotation.catalog.record.model.TrackView;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads of records and tracks through Hibernate Reactive (event loop). */
@ApplicationScoped
public class RecordQueries {

    private final Mutiny.SessionFactory sessions;

    public RecordQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** The record with its tracks by track_index and its active copies (cheapest first), or a 404 problem. */
    public Uni<RecordDetail> record(long id) {
        return sessions.withSession(s -> s.find(CatalogRecord.class, id).flatMap(record -> {
            if (record == null) {
                return Uni.createFrom().failure(ProblemException.notFound("record " + id));
            }
            return s.createSelectionQuery("from Track where recordId = :id order by trackIndex", Track.class)
                    .setParameter("id", id).getResultList()
                    .flatMap(tracks -> s.createSelectionQuery("""
                                    from StoreInventory where recordId = :id and status = :active
                                    order by price, id""", StoreInventory.class)
                            .setParameter("id", id).setParameter("active", RecordStatus.active).getResultList()
                            .map(copies -> RecordDetail.of(record, tracks, copies)));
        }));
    }

    public Uni<TrackView> track(long id) {
        return sessions.withSession(s -> s.find(Track.class, id)).map(track -> {
            if (track == null) {
                throw ProblemException.notFound("track " + id);
            }
            return TrackView.of(track);
        });
    }
}
