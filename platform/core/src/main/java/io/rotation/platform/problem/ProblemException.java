package io.rotation.platform.problem;

import java.util.List;

/** Thrown by services to answer with a problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    /** A well-formed value the service cannot accept (422), e.g. a date outside what it keeps. */
    public static ProblemException unprocessableField(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public Problem problem() {
        return problem;
    }
}
