package io.rotation.identity.auth.service;

import io.rotation.identity.auth.service.TokenIssuer.AccessToken;
import io.rotation.identity.user.model.User;
import io.rotation.identity.user.repository.UserRepository;
import io.rotation.identity.user.service.PasswordHasher;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks credentials and issues an access token. Unknown user, wrong password and inactive look alike. */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public LoginService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    public Uni<AccessToken> login(String login, String password) {
        return users.findByLogin(login.trim())
                .chain(user -> Uni.createFrom().item(() -> verified(user, password))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .call(user -> users.recordLogin(user.id))
                .map(tokens::issue);
    }

    private User verified(User user, String password) {
        if (user == null) {
            hasher.burnVerification(password);
            throw invalid();
        }
        if (!hasher.matches(password, user.passwordHash) || !user.active) {
            throw invalid();
        }
        return user;
    }

    private static ProblemException invalid() {
        return new ProblemException(ProblemType.UNAUTHORIZED, "invalid username, e-mail or password");
    }
}
