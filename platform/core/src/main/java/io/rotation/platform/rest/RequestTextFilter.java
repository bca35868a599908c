package io.rotation.platform.rest;

import io.rotation.platform.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, in every service and before any resource runs, a path or query parameter that is not
 * readable text ({@link RequestText}): a 400 problem naming the query parameter (or {@code path}),
 * instead of a 500 when Postgres refuses the text or a silently mangled value.
 */
public class RequestTextFilter {

    static final String UNREADABLE = "must be UTF-8 text without NUL characters, percent-encoded";

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void refuseUnreadableText(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null) {
            for (String segment : path.split("/", -1)) {
                if (RequestText.decode(segment, false) == null) {
                    throw ProblemException.invalidField("path", UNREADABLE);
                }
            }
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = RequestText.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            if (name == null) {
                throw ProblemException.invalidField("query", UNREADABLE);
            }
            if (equals >= 0 && RequestText.decode(pair.substring(equals + 1), true) == null) {
                throw ProblemException.invalidField(name.length() > 64 ? "query" : name, UNREADABLE);
            }
        }
    }
}
