package io.rotation.catalog.record.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A record in a list (GET /api/v1/records, GraphQL records): what a browse page shows. */
public record RecordSummary(long id, Long discogsReleaseId, String artist, String title, Integer year,
                            List<String> genres, List<String> styles, JsonNode formats, String thumbnail) {
}
