package io.rotation.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.rotation.platform.json.NulFreeStrings;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem: validation and unreadable bodies into 400s that
 * name the field, security failures into 401/403, and anything unexpected into a 500 without
 * internals (logged here with its stack trace).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.invalid(detail, errors));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return unreadable(e);
    }

    /** Says where the body broke, never Jackson's message: it can quote the body (a secret, say). */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(ProblemType.MALFORMED, "the request body is not valid JSON" + where));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized("a valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthorized("the bearer token is not valid");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "this operation is not allowed for the caller"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return respond(Problem.of(ProblemType.MALFORMED, "the request body is not valid JSON"));
        }
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = e.getMessage() == null ? type.title() : e.getMessage();
        return respond(new Problem(type.uri(), type.title(), status, detail, null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        String state = DatabaseRefusals.sqlState(e);
        Problem refused = DatabaseRefusals.problem(state);
        if (refused != null) {
            // the endpoint let through a value it should have refused itself: worth a look, not an alert
            LOG.warnf("the database refused a request's value (SQLSTATE %s): answered %d", state, refused.status());
            return respond(refused);
        }
        LOG.error("unexpected failure", e);
        return respond(Problem.of(ProblemType.INTERNAL, "the request could not be processed"));
    }

    private Response unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED, "the body must be a JSON object of the documented shape"));
        }
        String message = e instanceof NulFreeStrings.NulCharacterException
                ? "must not contain NUL characters" : "has the wrong type or format";
        return respond(Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHORIZED, detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code recordBatch.body.plays[3].trackId} → {@code plays[3].track_id}, what the client sent; a
     * violation on a parameter itself is named after it ({@code days}, or {@code body} for the entity,
     * which resources name so).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = snakeCase(node.getName());
                continue;
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(snakeCase(node.getName()));
            }
        }
        return field.length() == 0 ? parameter : field.toString();
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
