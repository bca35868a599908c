package io.rotation.platform.problem;

/** The kinds of problem the suite answers with; the URI is part of the API contract. */
public enum ProblemType {
    VALIDATION("validation", "Request is not valid", 400),
    MALFORMED("malformed-request", "Request body is not readable", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Not Found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", 405),
    CONFLICT("conflict", "Conflict", 409),
    /** Well-formed, but refers to something that does not exist or breaks a rule (following yourself). */
    UNPROCESSABLE("unprocessable", "Unprocessable Content", 422),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", 415),
    TOO_MANY_REQUESTS("rate-limited", "Too Many Requests", 429),
    INTERNAL("internal", "Internal Server Error", 500),
    UNAVAILABLE("unavailable", "Service Unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The generic type for an HTTP status the suite has no more specific type for. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
