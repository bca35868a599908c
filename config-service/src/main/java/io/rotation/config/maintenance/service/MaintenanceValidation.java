package io.rotation.config.maintenance.service;

import io.rotation.config.maintenance.model.MaintenanceWindowView;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a window must be before it is stored: every field checked, every problem named at once. */
final class MaintenanceValidation {

    static final Set<String> SERVICES = Set.of("identity-service", "catalog-service", "matching-service",
            "user-features-service", "analytics-service", "config-service");
    private static final Duration LONGEST = Duration.ofDays(7);

    private MaintenanceValidation() {
    }

    static MaintenanceWindowView valid(MaintenanceWindowView w) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (w.title() == null || w.title().isBlank() || w.title().length() > 200) {
            errors.add(new Problem.FieldError("title", "is required, at most 200 characters"));
        }
        if (w.message() != null && w.message().length() > 2000) {
            errors.add(new Problem.FieldError("message", "at most 2000 characters"));
        }
        if (w.startsAt() == null) {
            errors.add(new Problem.FieldError("starts_at", "is required (an ISO-8601 instant)"));
        }
        if (w.endsAt() == null) {
            errors.add(new Problem.FieldError("ends_at", "is required (an ISO-8601 instant)"));
        } else if (w.startsAt() != null && !w.endsAt().isAfter(w.startsAt())) {
            errors.add(new Problem.FieldError("ends_at", "must be after starts_at"));
        } else if (w.startsAt() != null && Duration.between(w.startsAt(), w.endsAt()).compareTo(LONGEST) > 0) {
            errors.add(new Problem.FieldError("ends_at", "a window lasts at most 7 days"));
        } else if (w.id() == 0 && !w.endsAt().isAfter(Instant.now())) {
            errors.add(new Problem.FieldError("ends_at", "must be in the future"));
        }
        if (w.affectedServices().stream().anyMatch(s -> s == null || !SERVICES.contains(s))) {
            errors.add(new Problem.FieldError("affected_services", "each must be one of " + String.join(", ",
                    SERVICES.stream().sorted().toList()) + " (none: every service)"));
        }
        if (w.notifyBeforeMinutes() < 0 || w.notifyBeforeMinutes() > 10_080) {
            errors.add(new Problem.FieldError("notify_before_minutes", "must be between 0 and 10080 (a week)"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("the maintenance window is not valid", errors));
        }
        return w;
    }
}
