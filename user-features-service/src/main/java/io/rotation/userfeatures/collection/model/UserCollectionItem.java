package io.rotation.userfeatures.collection.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code user_collection_items}: a track at a position of a collection. */
@Entity
@Table(name = "user_collection_items")
public class UserCollectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The owning {@code user_collections} row (deleted with it). */
    @Column(name = "collection_id", nullable = false)
    public long collectionId;

    /** catalog's track id (no foreign key across schemas). */
    @Column(name = "track_id", nullable = false)
    public long trackId;

    @Column(name = "record_id")
    public Long recordId;

    /** 0-based; unique per collection, checked at commit so positions can be swapped. */
    @Column(name = "position", nullable = false)
    public int position;

    /** The track's length, summed into the collection's total_duration_seconds. */
    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(name = "note", columnDefinition = "text")
    public String note;

    @Column(name = "added_at", nullable = false, insertable = false, updatable = false)
    public Instant addedAt;
}
