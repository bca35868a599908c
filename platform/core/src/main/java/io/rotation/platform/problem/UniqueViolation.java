package io.rotation.platform.problem;

import io.vertx.pgclient.PgException;
import java.util.List;

/**
 * A unique key refused a write (SQLSTATE 23505): answered as 409 naming the field the client sent,
 * found from the constraint's name. Use with {@code onFailure(UniqueViolation::is).transform(...)}.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean is(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /**
     * @param field     the field to name when the constraint's name contains {@code marker}
     * @param otherwise the field to name for any other unique key of the write
     */
    public static ProblemException conflict(Throwable e, String marker, String field, String otherwise) {
        String constraint = e instanceof PgException pg ? pg.getConstraint() : null;
        String named = constraint != null && constraint.contains(marker) ? field : otherwise;
        return new ProblemException(Problem.of(ProblemType.CONFLICT, named + " is already taken",
                List.of(new Problem.FieldError(named, "is already taken"))));
    }
}
