package io.rotation.userfeatures.collection.repository;

import io.rotation.userfeatures.collection.model.CollectionChanges;
import io.rotation.userfeatures.collection.model.CollectionItemView;
import io.rotation.userfeatures.collection.model.CollectionView;
import io.rotation.userfeatures.collection.model.NewCollection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code user_collections} and {@code user_collection_items}. Item writes run under the collection
 * row's lock ({@link #lock}), so that concurrent edits of one collection apply one after the other
 * and positions stay dense; the position key is deferred, so a shift may pass through duplicates.
 */
@ApplicationScoped
public class CollectionRepository {

    private static final String COLLECTION = """
            id, user_id, name, description, is_public, item_count, total_duration_seconds, created_at, updated_at""";

    private static final String ITEM = """
            i.id, i.collection_id, i.track_id, i.record_id, i.position, i.duration_seconds, i.note, i.added_at,
            t.title, t.artist, coalesce(t.available, false) as available""";

    /** The owner and visibility of a collection, locked for the transaction. */
    public record Locked(long id, long userId, boolean isPublic, int itemCount) {
    }

    public Uni<Locked> lock(SqlClient client, long id) {
        return client.preparedQuery("select id, user_id, is_public, item_count from user_collections where id = $1 for update")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : lockedOf(rows.iterator().next()));
    }

    public Uni<CollectionView> find(SqlClient client, long id) {
        return client.preparedQuery("select " + COLLECTION + " from user_collections where id = $1")
                .execute(Tuple.of(id)).map(rows -> first(rows, CollectionRepository::collectionOf));
    }

    public Uni<CollectionView> insert(SqlClient client, long userId, NewCollection collection) {
        return client.preparedQuery("insert into user_collections (user_id, name, description, is_public)"
                        + " values ($1, $2, $3, $4) returning " + COLLECTION)
                .execute(Tuple.of(userId, collection.name().strip(), collection.description(),
                        Boolean.TRUE.equals(collection.isPublic())))
                .map(rows -> first(rows, CollectionRepository::collectionOf));
    }

    public Uni<CollectionView> update(SqlClient client, long id, CollectionChanges changes) {
        return client.preparedQuery("""
                        update user_collections set name = coalesce($2, name),
                            description = case when $3::text is null then description else nullif($3, '') end,
                            is_public = coalesce($4, is_public)
                        where id = $1 returning\s""" + COLLECTION)
                .execute(Tuple.of(id, changes.name() == null ? null : changes.name().strip(), changes.description(),
                        changes.isPublic()))
                .map(rows -> first(rows, CollectionRepository::collectionOf));
    }

    public Uni<Void> delete(SqlClient client, long id) {
        return client.preparedQuery("delete from user_collections where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    /** A user's collections, newest first; only the public ones unless {@code includePrivate}. */
    public Uni<List<CollectionView>> listOf(SqlClient client, long userId, boolean includePrivate, Instant beforeAt,
                                            Long beforeId, int limit) {
        String visible = includePrivate ? "" : " and is_public";
        String after = beforeAt == null ? "" : " and (created_at, id) < ($3, $4)";
        Tuple params = beforeAt == null ? Tuple.of(userId, limit)
                : Tuple.of(userId, limit, beforeAt.atOffset(ZoneOffset.UTC), beforeId);
        return client.preparedQuery("select " + COLLECTION + " from user_collections where user_id = $1" + visible
                        + after + " order by created_at desc, id desc limit $2")
                .execute(params).map(rows -> all(rows, CollectionRepository::collectionOf));
    }

    public Uni<CollectionItemView> findItem(SqlClient client, long collectionId, long itemId) {
        return client.preparedQuery("select " + ITEM + " from user_collection_items i"
                        + " left join catalog_tracks t on t.track_id = i.track_id"
                        + " where i.collection_id = $1 and i.id = $2")
                .execute(Tuple.of(collectionId, itemId)).map(rows -> first(rows, CollectionRepository::itemOf));
    }

    public Uni<CollectionItemView> findItemByTrack(SqlClient client, long collectionId, long trackId) {
        return client.preparedQuery("select " + ITEM + " from user_collection_items i"
                        + " left join catalog_tracks t on t.track_id = i.track_id"
                        + " where i.collection_id = $1 and i.track_id = $2")
                .execute(Tuple.of(collectionId, trackId)).map(rows -> first(rows, CollectionRepository::itemOf));
    }

    /** Items by position, after a cursor's position. */
    public Uni<List<CollectionItemView>> items(SqlClient client, long collectionId, int afterPosition, int limit) {
        return client.preparedQuery("select " + ITEM + " from user_collection_items i"
                        + " left join catalog_tracks t on t.track_id = i.track_id"
                        + " where i.collection_id = $1 and i.position > $2 order by i.position limit $3")
                .execute(Tuple.of(collectionId, afterPosition, limit)).map(rows -> all(rows, CollectionRepository::itemOf));
    }

    /** Inserts at {@code position} (0..count), moving the items from there down one. @return the new item's id */
    public Uni<Long> insertItem(SqlClient client, long collectionId, long trackId, Long recordId, int position,
                                Integer durationSeconds, String note) {
        return client.preparedQuery("""
                        update user_collection_items set position = position + 1
                        where collection_id = $1 and position >= $2""").execute(Tuple.of(collectionId, position))
                .chain(() -> client.preparedQuery("""
                                insert into user_collection_items (collection_id, track_id, record_id, position,
                                                                   duration_seconds, note)
                                values ($1, $2, $3, $4, $5, $6) returning id""")
                        .execute(Tuple.tuple().addLong(collectionId).addLong(trackId).addLong(recordId)
                                .addInteger(position).addInteger(durationSeconds).addString(note)))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Moves an item from {@code from} to {@code to}; the items in between shift by one, in one statement. */
    public Uni<Void> moveItem(SqlClient client, long collectionId, long itemId, int from, int to) {
        return client.preparedQuery("""
                        update user_collection_items set position = case
                            when id = $2 then $4::int
                            when $4::int < $3::int then position + 1
                            else position - 1 end
                        where collection_id = $1 and position between least($3::int, $4::int) and greatest($3::int, $4::int)""")
                .execute(Tuple.of(collectionId, itemId, from, to)).replaceWithVoid();
    }

    /** Removes an item and closes the gap it leaves. */
    public Uni<Void> deleteItem(SqlClient client, long collectionId, long itemId, int position) {
        return client.preparedQuery("delete from user_collection_items where collection_id = $1 and id = $2")
                .execute(Tuple.of(collectionId, itemId))
                .chain(() -> client.preparedQuery("""
                                update user_collection_items set position = position - 1
                                where collection_id = $1 and position > $2""")
                        .execute(Tuple.of(collectionId, position)))
                .replaceWithVoid();
    }

    private static Locked lockedOf(Row row) {
        return new Locked(row.getLong("id"), row.getLong("user_id"), row.getBoolean("is_public"),
                row.getInteger("item_count"));
    }

    private static CollectionView collectionOf(Row row) {
        return new CollectionView(row.getLong("id"), row.getLong("user_id"), row.getString("name"),
                row.getString("description"), row.getBoolean("is_public"), row.getInteger("item_count"),
                row.getLong("total_duration_seconds"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    private static CollectionItemView itemOf(Row row) {
        return new CollectionItemView(row.getLong("id"), row.getLong("collection_id"), row.getLong("track_id"),
                row.getLong("record_id"), row.getInteger("position"), row.getInteger("duration_seconds"),
                row.getString("note"), row.getOffsetDateTime("added_at").toInstant(), row.getString("title"),
                row.getString("artist"), row.getBoolean("available"));
    }

    private static <T> T first(RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0 ? null : map.apply(rows.iterator().next());
    }

    private static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(map.apply(row)));
        return items;
    }
}
