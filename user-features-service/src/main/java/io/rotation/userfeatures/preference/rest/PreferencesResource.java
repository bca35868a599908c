package io.rotation.userfeatures.preference.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.preference.model.Preferences;
import io.rotation.userfeatures.preference.service.PreferencesService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** The caller's preferences document. */
@Path("/api/v1/preferences")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final PreferencesService preferences;
    private final CurrentUser caller;

    public PreferencesResource(PreferencesService preferences, CurrentUser caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's preferences (the defaults until they save any)")
    public Uni<Preferences> get() {
        return preferences.get(caller.id());
    }

    @PUT
    @Operation(summary = "Replace the caller's preferences; absent fields take their defaults")
    public Uni<Preferences> replace(@RequestBody(description = "a Preferences document") JsonNode body) {
        return preferences.replace(caller.id(), body);
    }

    @PATCH
    @Operation(summary = "Change the named preferences only")
    public Uni<Preferences> patch(@RequestBody(description = "some Preferences fields") JsonNode body) {
        return preferences.patch(caller.id(), body);
    }
}
