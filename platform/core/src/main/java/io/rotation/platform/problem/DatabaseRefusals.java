package io.rotation.platform.problem;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;

/**
 * The last line of defence against input the service did not validate: Postgres refusing a value
 * (SQLSTATE class 22, data exceptions; 23, integrity) is a client error, answered as a problem
 * without the database's message (which can quote the value or the schema).
 */
final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /**
     * The SQLSTATE of the database error anywhere in {@code e}'s causes (the driver's, or a JDBC-style
     * one such as Hibernate's conversions carry), or null.
     */
    static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** The problem for a value the database refused, or null when the failure is not the client's. */
    static Problem problem(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "22P05", "22021" -> invalid("a text value contains a character the database cannot store "
                    + "(NUL, or not UTF-8)");
            case "22001" -> invalid("a text value is longer than its field allows");
            case "22003" -> invalid("a number is outside the range its field allows");
            case "22007", "22008" -> invalid("a date or time is not valid or out of range");
            case "22P02" -> invalid("a value does not have the format its field requires");
            case "23502" -> invalid("a required value is missing");
            case "23514" -> invalid("a value is outside what its field allows");
            case "23503" -> Problem.of(ProblemType.CONFLICT, "a resource the request refers to does not exist");
            case "23505" -> Problem.of(ProblemType.CONFLICT, "a value that must be unique is already taken");
            default -> state.startsWith("22") ? invalid("a value is not valid for its field") : null;
        };
    }

    private static Problem invalid(String detail) {
        return Problem.of(ProblemType.VALIDATION, detail);
    }
}
