package io.rotation.identity.auth.service;

import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import java.time.Duration;

/** 429: too many failed logins for this account; {@code Retry-After} says when to try again. */
public class LoginLocked extends ProblemException {

    private final long retryAfterSeconds;

    public LoginLocked(Duration remaining) {
        super(Problem.of(ProblemType.TOO_MANY_REQUESTS, "too many failed logins: try again later"));
        this.retryAfterSeconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
