package io.rotation.identity.auth.rest;

import io.rotation.identity.auth.service.LoginLocked;
import io.rotation.platform.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A locked login answers 429 problem+json with {@code Retry-After} (seconds). */
public class LoginLockedMapper {

    @ServerExceptionMapper
    public Response locked(LoginLocked e) {
        return Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }
}
