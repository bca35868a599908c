package io.rotation.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real Discogs API responses (test resources discogs/, see SOURCE.md) fit the columns: loaded with
 * set-based SQL straight from the JSON, as an importer would, and loaded twice without duplicates.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class DiscogsDataFitsTest {

    private static final String UPSERT_RELEASE = """
            with src as (select ?::jsonb as j)
            insert into records (discogs_release_id, master_id, artist, artists, title, labels, formats, genres,
                                 styles, release_year, released, country, notes, data_quality, discogs_status,
                                 images, thumb_url, videos, extra_artists, companies, series, identifiers,
                                 tracklist_count, source, last_synced_at)
            select (j ->> 'id')::bigint, (j ->> 'master_id')::bigint,
                   (select string_agg(a ->> 'name' || coalesce(' ' || nullif(a ->> 'join', '') || ' ', ''), ''
                                      order by o)
                      from jsonb_array_elements(j -> 'artists') with ordinality as x(a, o)),
                   j -> 'artists', j ->> 'title', coalesce(j -> 'labels', '[]'), coalesce(j -> 'formats', '[]'),
                   array(select jsonb_array_elements_text(coalesce(j -> 'genres', '[]'))),
                   array(select jsonb_array_elements_text(coalesce(j -> 'styles', '[]'))),
                   nullif((j ->> 'year')::int, 0)::smallint, j ->> 'released', j ->> 'country', j ->> 'notes',
                   j ->> 'data_quality', j ->> 'status', coalesce(j -> 'images', '[]'), j ->> 'thumb',
                   coalesce(j -> 'videos', '[]'), coalesce(j -> 'extraartists', '[]'),
                   coalesce(j -> 'companies', '[]'), coalesce(j -> 'series', '[]'),
                   coalesce(j -> 'identifiers', '[]'), jsonb_array_length(j -> 'tracklist'), 'discogs_api', now()
            from src
            on conflict (discogs_release_id) do update set
                artist = excluded.artist, artists = excluded.artists, title = excluded.title,
                labels = excluded.labels, formats = excluded.formats, genres = excluded.genres,
                styles = excluded.styles, release_year = excluded.release_year, released = excluded.released,
                images = excluded.images, videos = excluded.videos, extra_artists = excluded.extra_artists,
                identifiers = excluded.identifiers, tracklist_count = excluded.tracklist_count,
                last_synced_at = excluded.last_synced_at
            returning id""";

    private static final String UPSERT_TRACKS = """
            with src as (select ?::jsonb as j)
            insert into tracks (record_id, position, track_index, title, duration_seconds, artists, extra_artists,
                                is_heading)
            select ?, nullif(t ->> 'position', ''), (o - 1)::int, t ->> 'title',
                   case when t ->> 'duration' ~ '^\\d+:\\d{2}$'
                        then split_part(t ->> 'duration', ':', 1)::int * 60 + split_part(t ->> 'duration', ':', 2)::int
                   end,
                   coalesce(t -> 'artists', '[]'), coalesce(t -> 'extraartists', '[]'),
                   coalesce(t ->> 'type_', 'track') <> 'track'
            from src, jsonb_array_elements(j -> 'tracklist') with ordinality as x(t, o)
            on conflict (record_id, track_index) do update set
                position = excluded.position, title = excluded.title, duration_seconds = excluded.duration_seconds,
                artists = excluded.artists, extra_artists = excluded.extra_artists""";

    @Test
    void releasesFromTheDiscogsApiFitAndReimportInPlace() {
        for (int pass = 0; pass < 2; pass++) {
            for (String file : List.of("discogs/release-1.json", "discogs/release-3.json")) {
                String json = resource(file);
                long id = ((Number) TestDatabase.rows(UPSERT_RELEASE, json).get(0).get("id")).longValue();
                TestDatabase.update(UPSERT_TRACKS, json, id);
            }
        }

        Map<String, Object> stockholm = TestDatabase.rows("""
                select id, artist, title, release_year, released, genres[1] as genre, styles[1] as style,
                       labels -> 0 ->> 'catno' as catno, jsonb_array_length(videos) as videos,
                       extra_artists -> 0 ->> 'role' as credit, tracklist_count
                from records where discogs_release_id = 1""").get(0);
        assertThat(stockholm).containsEntry("artist", "Persuader, The").containsEntry("title", "Stockholm")
                .containsEntry("released", "1999-03-00").containsEntry("genre", "Electronic")
                .containsEntry("style", "Deep House").containsEntry("catno", "SK032")
                .containsEntry("tracklist_count", 6);
        assertThat(((Number) stockholm.get("release_year")).intValue()).isEqualTo(1999);
        long recordId = ((Number) stockholm.get("id")).longValue();
        assertThat(TestDatabase.rows("""
                select position, title, duration_seconds from tracks where record_id = ? order by track_index""",
                recordId)).hasSize(6).first().satisfies(t -> assertThat(t).containsEntry("position", "A")
                .containsEntry("duration_seconds", 285));

        Map<String, Object> profound = TestDatabase.rows("""
                select id, artist, identifiers -> 0 ->> 'type' as identifier, formats -> 0 ->> 'name' as format
                from records where discogs_release_id = 3""").get(0);
        assertThat(profound).containsEntry("artist", "Josh Wink").containsEntry("identifier", "Barcode")
                .containsEntry("format", "CD");
        long profoundId = ((Number) profound.get("id")).longValue();
        assertThat(TestDatabase.count("select count(*) from tracks where record_id = ?", profoundId)).isEqualTo(14);
        assertThat(TestDatabase.rows("""
                select jsonb_array_length(artists) as artists, artists -> 0 ->> 'join' as join_word
                from tracks where record_id = ? and position = '1'""", profoundId).get(0))
                .containsEntry("artists", 2).containsEntry("join_word", "&");
        assertThat(TestDatabase.count(
                "select count(*) from records where search_vector @@ plainto_tsquery('simple', 'wink profound') "
                        + "and id = ?", profoundId)).isEqualTo(1);
    }

    @Test
    void aMarketplaceListingFitsTheInventory() {
        String page = resource("discogs/inventory-example.json");
        for (int pass = 0; pass < 2; pass++) {
            TestDatabase.update("""
                    with l as (select jsonb_array_elements(?::jsonb -> 'listings') as l),
                    rec as (
                        insert into records (discogs_release_id, artist, title, release_year, source)
                        select (l -> 'release' ->> 'id')::bigint, l -> 'release' ->> 'artist',
                               l -> 'release' ->> 'title', (l -> 'release' ->> 'year')::smallint, 'discogs_api'
                        from l
                        on conflict (discogs_release_id) do update set title = excluded.title
                        returning id, discogs_release_id)
                    insert into store_inventory (store_id, record_id, discogs_listing_id, condition,
                                                 sleeve_condition, price, currency, status, comments, ships_from,
                                                 allow_offers, listed_at)
                    select 7, rec.id, (l ->> 'id')::bigint, (l ->> 'condition')::record_condition,
                           (l ->> 'sleeve_condition')::sleeve_condition, (l -> 'price' ->> 'value')::numeric,
                           l -> 'price' ->> 'currency',
                           case l ->> 'status' when 'For Sale' then 'active' when 'Sold' then 'sold'
                                               else 'draft' end::record_status,
                           l ->> 'comments', l ->> 'ships_from', (l ->> 'allow_offers')::boolean,
                           (l ->> 'posted')::timestamptz
                    from l join rec on rec.discogs_release_id = (l -> 'release' ->> 'id')::bigint
                    on conflict (discogs_listing_id) do update set price = excluded.price,
                        status = excluded.status, comments = excluded.comments""", page);
        }
        List<Map<String, Object>> copies = TestDatabase.rows("""
                select condition::text as condition, sleeve_condition::text as sleeve, price, currency,
                       status::text as status, allow_offers, listed_at
                from store_inventory where discogs_listing_id = 150899904""");
        assertThat(copies).hasSize(1);
        assertThat(copies.get(0)).containsEntry("condition", "Near Mint (NM or M-)")
                .containsEntry("sleeve", "Near Mint (NM or M-)").containsEntry("currency", "USD")
                .containsEntry("status", "active").containsEntry("allow_offers", true);
        assertThat((BigDecimal) copies.get(0).get("price")).isEqualByComparingTo("149.99");
        assertThat(((Timestamp) copies.get(0).get("listed_at")).toInstant())
                .isEqualTo(Instant.parse("2014-07-01T17:20:17Z"));
    }

    private static String resource(String name) {
        try (InputStream in = DiscogsDataFitsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
