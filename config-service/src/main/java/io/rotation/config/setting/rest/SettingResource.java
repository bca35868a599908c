package io.rotation.config.setting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.config.setting.model.EffectiveSettings;
import io.rotation.config.setting.model.SettingInput;
import io.rotation.config.setting.model.SettingView;
import io.rotation.config.setting.service.SettingService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Typed settings: administered by admins, the public ones readable by anyone, secret ones never in clear. */
@Path("/api/v1/settings")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SettingResource {

    private final SettingService settings;
    private final CurrentUser caller;

    public SettingResource(SettingService settings, CurrentUser caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Settings by key, cursor pages (secret values masked)")
    public Uni<Page<SettingView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return settings.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/public")
    @PermitAll
    @Operation(summary = "The public settings as {key: value}, for anyone (client apps before sign-in)")
    public Uni<Map<String, JsonNode>> publicValues() {
        return settings.publicValues();
    }

    @GET
    @Path("/effective")
    @Operation(summary = "Every setting's value in an environment: its active profile's override, else its own")
    public Uni<EffectiveSettings> effective(@QueryParam("environment") String environment) {
        return settings.effective(environment);
    }

    @GET
    @Path("/{key}")
    @Operation(summary = "One setting")
    public Uni<SettingView> get(@PathParam("key") String key) {
        return settings.get(key);
    }

    @POST
    @Operation(summary = "Create a setting {key, setting_type, value, default_value?, description?, category?, public?, secret?, readonly?}")
    public Uni<Response> create(@NotNull SettingInput body, @Context HttpServerRequest request) {
        return settings.create(actor(request), body).map(s -> Response.status(Response.Status.CREATED).entity(s).build());
    }

    @PATCH
    @Path("/{key}")
    @Operation(summary = "Change a setting; the fields sent change (key, setting_type and secret never)")
    public Uni<SettingView> change(@PathParam("key") String key, @NotNull SettingInput body,
                                   @Context HttpServerRequest request) {
        return settings.change(actor(request), key, body);
    }

    @DELETE
    @Path("/{key}")
    @Operation(summary = "Delete a setting: services fall back to their own configuration")
    public Uni<Response> delete(@PathParam("key") String key, @Context HttpServerRequest request) {
        return settings.delete(actor(request), key).replaceWith(Response.noContent().build());
    }

    private AuditActor actor(HttpServerRequest request) {
        return AuditActor.user(caller.id(), request);
    }
}
