package io.rotation.platform.audit;

import io.rotation.platform.security.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.regex.Pattern;

/**
 * Who caused an audit entry: the user (or service, or the system), the request's id and the address
 * it came from. For a request, {@link #of(CurrentUser, HttpServerRequest)} is the one way to take
 * them: the id from X-Request-Id (the gateway sets one on every request), the address the peer's,
 * which Quarkus replaces with X-Forwarded-For only when the peer is a trusted proxy
 * ({@code quarkus.http.proxy.trusted-proxies}, the gateway), so a client cannot choose it.
 */
public record AuditActor(Long userId, String actorType, String requestId, String clientAddress) {

    public static final String USER = "user";
    public static final String SERVICE = "service";
    public static final String SYSTEM = "system";

    /** Request ids are kept as sent when they are short and plain; anything else is not stored. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The authenticated caller of the current request. */
    public static AuditActor of(CurrentUser caller, HttpServerRequest request) {
        return new AuditActor(caller.id(), USER, requestId(request), clientAddress(request));
    }

    /** The service itself, acting on an event rather than a request. */
    public static AuditActor system() {
        return new AuditActor(null, SYSTEM, null, null);
    }

    static String requestId(HttpServerRequest request) {
        String id = request == null ? null : request.getHeader("X-Request-Id");
        return id != null && REQUEST_ID.matcher(id).matches() ? id : null;
    }

    static String clientAddress(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
