package io.rotation.catalog.rest;

import io.rotation.platform.problem.ProblemException;

/** Numeric ids in paths: anything else is a 400 problem (not a 404). */
public final class Ids {

    private Ids() {
    }

    public static long parse(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.invalidField("id", "must be a positive number");
    }
}
