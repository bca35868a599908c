package io.rotation.identity.user.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.identity.user.model.Registration;
import io.rotation.identity.user.model.User;
import io.rotation.identity.user.model.UserRole;
import io.rotation.identity.user.repository.UserRepository;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Accounts: registration announces UserRegistered in the same transaction as the insert. */
@ApplicationScoped
public class UserService {

    private final Pool pool;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Outbox outbox;

    public UserService(Pool pool, UserRepository users, PasswordHasher hasher, Outbox outbox) {
        this.pool = pool;
        this.users = users;
        this.hasher = hasher;
        this.outbox = outbox;
    }

    public Uni<User> register(Registration registration) {
        return Uni.createFrom().item(() -> hasher.hash(registration.password()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(hash -> {
                    User user = new User();
                    user.email = registration.email().trim();
                    user.username = registration.username();
                    user.passwordHash = hash;
                    user.role = UserRole.general_user;
                    user.displayName = registration.displayName();
                    user.active = true;
                    return pool.withTransaction(connection -> users.insert(connection, user)
                            .call(saved -> outbox.append(connection, OutboundEvent.of(EventType.USER_REGISTERED,
                                    saved.id, new UserRegistered(saved.id, saved.username, saved.role.name(),
                                            saved.createdAt)))));
                })
                .onFailure(UserService::isTaken).transform(UserService::taken);
    }

    private static boolean isTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static ProblemException taken(Throwable e) {
        String constraint = ((PgException) e).getConstraint();
        String field = constraint != null && constraint.contains("email") ? "email" : "username";
        return new ProblemException(Problem.of(ProblemType.CONFLICT, field + " is already taken",
                List.of(new Problem.FieldError(field, "is already taken"))));
    }
}
