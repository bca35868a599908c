package io.rotation.platform.audit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Who made a change, as the suite's audit trail records it: a user (the admin, manager or listener who
 * acted, with the request's id, client address and browser when the change came through the API), a
 * service acting on its own, or the system (schedules). The one way every service names its actors.
 */
public record AuditActor(Long userId, String type, String requestId, String ipAddress, String userAgent) {

    public static final String USER = "user";
    public static final String SERVICE = "service";
    public static final String SYSTEM = "system";

    /** The gateway's request id header: the caller's, else one nginx generates. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    static final int MAX_REQUEST_ID = 128;
    static final int MAX_USER_AGENT = 512;

    /** A user acting outside an HTTP request (a job they started, a message). */
    public static AuditActor user(long userId) {
        return new AuditActor(userId, USER, null, null, null);
    }

    /**
     * A user acting through the API: the request id (X-Request-Id), the client's address (the peer, or what a
     * trusted proxy forwarded: Quarkus rewrites the remote address only for
     * {@code quarkus.http.proxy.trusted-proxies}) and the User-Agent, cut to the trail's column sizes.
     * {@code userId} may be null for a caller whose token names no user.
     */
    public static AuditActor user(Long userId, HttpServerRequest request) {
        if (request == null) {
            return new AuditActor(userId, USER, null, null, null);
        }
        SocketAddress peer = request.remoteAddress();
        return new AuditActor(userId, USER, cut(request.getHeader(REQUEST_ID_HEADER), MAX_REQUEST_ID),
                peer == null ? null : peer.hostAddress(), cut(request.getHeader("User-Agent"), MAX_USER_AGENT));
    }

    /** A user id when one started the work (a job's initiator), else the system. */
    public static AuditActor userOrSystem(Long userId) {
        return userId == null ? system() : user(userId);
    }

    /** The service itself (reacting to an event, on nobody's behalf). */
    public static AuditActor service() {
        return new AuditActor(null, SERVICE, null, null, null);
    }

    /**
     * The service's own work on a user's data because of an event (an erasure): the trail names the user whose
     * data it is, and the causing event's id stands for the request id.
     */
    public static AuditActor systemFor(long userId, String causingEventId) {
        return new AuditActor(userId, SYSTEM, cut(causingEventId, MAX_REQUEST_ID), null, null);
    }

    /** A schedule or other automatic work. */
    public static AuditActor system() {
        return new AuditActor(null, SYSTEM, null, null, null);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
