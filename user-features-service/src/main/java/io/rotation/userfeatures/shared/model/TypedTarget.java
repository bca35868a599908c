package io.rotation.userfeatures.shared.model;

import java.time.Instant;

/**
 * What a user points at by type and id (a favorite's track, record, store or match; a follow's
 * store or user), as one row of a "user → typed target" table shows it.
 */
public interface TypedTarget {

    String type();

    long id();

    Instant createdAt();
}
