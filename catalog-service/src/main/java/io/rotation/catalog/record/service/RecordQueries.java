package io.rotation.catalog.record.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.inventory.model.StoreInventory;
import io.rotation.catalog.record.cache.RecordCache;
import io.rotation.catalog.record.model.CatalogRecord;
import io.rotation.catalog.record.model.RecordDetail;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.catalog.record.model.Track;
import io.rotation.catalog.record.model.TrackView;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads of records and tracks through Hibernate Reactive (event loop). */
@ApplicationScoped
public class RecordQueries {

    private final Mutiny.SessionFactory sessions;
    private final RecordCache cache;
    private final ObjectMapper json;

    public RecordQueries(Mutiny.SessionFactory sessions, RecordCache cache, ObjectMapper json) {
        this.sessions = sessions;
        this.cache = cache;
        this.json = json;
    }

    /**
     * Runs the work in a session of its own, closed afterwards. Not withSession: that shares the
     * session bound to the Vert.x context, and GraphQL resolves the fields of one request concurrently
     * on that context (a Hibernate session cannot run two queries at once).
     */
    private <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessions.openSession().chain(s -> work.apply(s).eventually(s::close));
    }

    /** The JSON page of GET /api/v1/records/{id} (UTF-8), read through the Redis {@link RecordCache}. */
    public Uni<byte[]> recordPage(long id) {
        return cache.get(id, () -> record(id).map(this::toJson));
    }

    private byte[] toJson(RecordDetail detail) {
        try {
            return json.writeValueAsBytes(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("record " + detail.id() + " does not serialise", e);
        }
    }

    /** The record with its tracks by track_index and its active copies (cheapest first), or a 404 problem. */
    public Uni<RecordDetail> record(long id) {
        return read(s -> s.find(CatalogRecord.class, id).flatMap(record -> {
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

    /** The tracks of these records in tracklist order, by record id: one statement for any number of records. */
    public Uni<Map<Long, List<Track>>> tracksOf(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(s -> s.createSelectionQuery(
                        "from Track where recordId in :ids order by recordId, trackIndex", Track.class)
                .setParameter("ids", recordIds).getResultList())
                .map(tracks -> tracks.stream().collect(Collectors.groupingBy(t -> t.recordId)));
    }

    /**
     * The active copies of these records, at most {@code perRecord} of each (cheapest first), by
     * record id: one statement for any number of records.
     */
    public Uni<Map<Long, List<StoreInventory>>> copiesOf(Collection<Long> recordIds, int perRecord) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(s -> s.createNativeQuery("""
                                select s.* from store_inventory s where s.id in (
                                    select id from (select id, row_number() over (partition by record_id
                                                                                  order by price, id) as n
                                                    from store_inventory
                                                    where record_id = any(:ids) and status = 'active') ranked
                                    where n <= :per_record)
                                order by s.record_id, s.price, s.id""", StoreInventory.class)
                        .setParameter("ids", recordIds.toArray(new Long[0])).setParameter("per_record", perRecord)
                        .getResultList())
                .map(copies -> copies.stream().collect(Collectors.groupingBy(c -> c.recordId)));
    }

    /** These records by id: one statement for any number. */
    public Uni<Map<Long, CatalogRecord>> recordsByIds(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return read(s -> s.createSelectionQuery("from CatalogRecord where id in :ids", CatalogRecord.class)
                .setParameter("ids", recordIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.id, r -> r)));
    }

    /** The record entity, or a 404 problem. */
    public Uni<CatalogRecord> recordRow(long id) {
        return read(s -> s.find(CatalogRecord.class, id)).map(record -> {
            if (record == null) {
                throw ProblemException.notFound("record " + id);
            }
            return record;
        });
    }

    /** The track entity, or a 404 problem. */
    public Uni<Track> trackRow(long id) {
        return read(s -> s.find(Track.class, id)).map(track -> {
            if (track == null) {
                throw ProblemException.notFound("track " + id);
            }
            return track;
        });
    }

    public Uni<TrackView> track(long id) {
        return read(s -> s.find(Track.class, id)).map(track -> {
            if (track == null) {
                throw ProblemException.notFound("track " + id);
            }
            return TrackView.of(track);
        });
    }
}
