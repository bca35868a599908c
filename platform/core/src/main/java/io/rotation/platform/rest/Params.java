package io.rotation.platform.rest;

import io.rotation.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Path and query parameters taken as text, so that a malformed value answers a 400 problem naming
 * the parameter instead of JAX-RS's bare 404 (paths) or 400 without a reason (queries).
 */
public final class Params {

    private Params() {
    }

    /** A positive id in a path segment. */
    public static long id(String value) {
        return positive("id", value);
    }

    /** A positive number; 400 naming {@code field} otherwise. */
    public static long positive(String field, String value) {
        if (value != null) {
            try {
                long number = Long.parseLong(value.trim());
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw ProblemException.invalidField(field, "must be a positive number");
    }

    /** A positive number, or null when the parameter is absent or blank. */
    public static Long optionalPositive(String field, String value) {
        return isBlank(value) ? null : positive(field, value);
    }

    /** A number ≥ 0 (ids where 0 means "all", such as daily_metrics' suite-wide rows), or null when absent or blank. */
    public static Long optionalNonNegative(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, "must be a whole number of 0 or more");
    }

    /** A whole number, or null when absent or blank. */
    public static Integer optionalInteger(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a whole number");
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-31T12:00:00Z}), or null when absent or blank; 400 naming {@code field} otherwise. */
    public static Instant optionalInstant(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /** An ISO-8601 date ({@code 2026-01-31}), or null when absent or blank; 400 naming {@code field} otherwise. */
    public static LocalDate optionalDate(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date such as 2026-01-31");
        }
    }

    /**
     * A range of instants, either end open (null); 400 naming {@code toField} when {@code to} is before
     * {@code from}.
     */
    public static void range(String fromField, Instant from, String toField, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField(toField, "must not be before " + fromField);
        }
    }

    /** The text, or null when absent or blank. */
    public static String optionalText(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
