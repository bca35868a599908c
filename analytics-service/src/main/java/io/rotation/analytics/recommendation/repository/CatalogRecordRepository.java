package io.rotation.analytics.recommendation.repository;

import io.rotation.contracts.catalog.RecordUpserted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** The catalog_records projection; a report older than the one stored does not overwrite it. */
@ApplicationScoped
public class CatalogRecordRepository {

    public Uni<Void> upsert(SqlConnection c, RecordUpserted r) {
        Instant at = r.upsertedAt() == null ? Instant.now() : r.upsertedAt();
        return c.preparedQuery("""
                        insert into catalog_records (record_id, artist, title, release_year, genres, styles, labels,
                                                     upserted_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (record_id) do update set artist = excluded.artist, title = excluded.title,
                               release_year = excluded.release_year, genres = excluded.genres,
                               styles = excluded.styles, labels = excluded.labels, upserted_at = excluded.upserted_at
                         where catalog_records.upserted_at <= excluded.upserted_at""")
                .execute(Tuple.from(Arrays.asList(r.recordId(), r.artist(), r.title(), r.releaseYear(),
                        texts(r.genres()), texts(r.styles()), texts(r.labels()), at.atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static String[] texts(List<String> values) {
        return values == null ? new String[0] : values.stream().filter(v -> v != null && !v.isBlank())
                .toArray(String[]::new);
    }
}
