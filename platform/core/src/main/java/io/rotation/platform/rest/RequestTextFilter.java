package io.rotation.platform.rest;

import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import jakarta.ws.rs.Priorities;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, in every service and before any resource runs, a path or query parameter that is not
 * readable text ({@link RequestText}): a 400 problem naming the query parameter (or {@code path}),
 * instead of a 500 when Postgres refuses the text or a silently mangled value; and a Content-Type
 * that is no media type (415), which would otherwise fail the matching of methods.
 */
public class RequestTextFilter {

    static final String UNREADABLE = "must be UTF-8 text without NUL characters, percent-encoded";

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void refuseUnreadableText(HttpServerRequest request) {
        // the request target as received: UriInfo would first have to parse it as a java.net.URI
        String target = request.uri() == null ? "" : request.uri();
        refuseUnparseableContentType(request.getHeader(HttpHeaders.CONTENT_TYPE));
        int mark = target.indexOf('?');
        String path = mark < 0 ? target : target.substring(0, mark);
        for (String segment : path.split("/", -1)) {
            if (RequestText.decode(segment, false) == null) {
                throw ProblemException.invalidField("path", UNREADABLE);
            }
        }
        if (mark < 0) {
            return;
        }
        String query = target.substring(mark + 1);
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

    /**
     * A Content-Type that is no media type at all (also one sent empty) would fail the matching of methods
     * by media type (a 500).
     */
    private static void refuseUnparseableContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            if (contentType.isBlank()) {
                throw new IllegalArgumentException("empty");
            }
            MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "content-type: not a media type (type/subtype)",
                    List.of(new Problem.FieldError("content-type", "not a media type (type/subtype)"))));
        }
    }
}
