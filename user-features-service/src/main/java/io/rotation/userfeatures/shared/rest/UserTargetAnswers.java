package io.rotation.userfeatures.shared.rest;

import io.rotation.platform.rest.Params;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.shared.Changed;
import jakarta.ws.rs.core.Response;

/** The HTTP side of a "user → typed target" resource (favorites, follows): one shape for both. */
public final class UserTargetAnswers {

    private UserTargetAnswers() {
    }

    /** The {type} path segment, one of {@code allowed} (400 naming {@code type} otherwise). */
    public static Reference type(String type, Reference... allowed) {
        return Reference.parse("type", type, allowed);
    }

    /** The optional ?type= filter: null for every type. */
    public static Reference optionalType(String type, Reference... allowed) {
        return Params.optionalText(type) == null ? null : Reference.parse("type", type, allowed);
    }

    /** PUT's answer: 201 with the new one, 200 with the one that already was. */
    public static Response put(Changed<?> changed) {
        return Response.status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(changed.value()).build();
    }

    /** DELETE's answer: 204, also when there was nothing to remove. */
    public static Response deleted(boolean removed) {
        return Response.noContent().build();
    }
}
