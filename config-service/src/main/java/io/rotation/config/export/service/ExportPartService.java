package io.rotation.config.export.service;

import io.rotation.contracts.export.UserExportRequested;
import io.rotation.platform.export.ExportParts;
import io.rotation.config.export.repository.ExportDataRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds config-service's part of a user's export from its own schema and sends it through the outbox. */
@ApplicationScoped
public class ExportPartService {

    private final ExportDataRepository data;
    private final ExportParts parts;

    public ExportPartService(ExportDataRepository data, ExportParts parts) {
        this.data = data;
        this.parts = parts;
    }

    public Uni<Void> answer(SqlConnection connection, UserExportRequested request) {
        return data.of(connection, request.userId()).chain(json -> parts.answer(connection, request, json));
    }
}
