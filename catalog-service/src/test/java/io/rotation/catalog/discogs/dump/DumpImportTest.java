package io.rotation.catalog.discogs.dump;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RepoRoot;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.platform.testing.KafkaTail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The whole Discogs dump sample (deploy/local/data/discogs, 1,000 releases) imported for real.
 * Tracks are counted as every {@code <track>} element of a release, headings, index tracks and the
 * sub-tracks inside {@code <sub_tracks>} included: that is how the sample's 9,430 is counted, and
 * each of them is one row of {@code tracks}. The database keeps data between runs, so counts are
 * about the sample's release ids, never whole tables.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class DumpImportTest {

    static final Path SAMPLE = RepoRoot.find()
            .resolve("deploy/local/data/discogs/discogs_20200806_releases.xml.gz");

    @Inject
    DumpImporter importer;

    @Inject
    ObjectMapper mapper;

    @Test
    void theWholeSampleImportsWithExactCountsAndReimportsInPlace() throws Exception {
        String ids = String.join(",", sampleReleaseIds());
        assertThat(ids.split(",")).hasSize(1000);

        long start = System.nanoTime();
        ImportProgress first = importer.importFile(SAMPLE);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("DumpImportTest: first import of the sample took %d ms (%s)%n", firstMs, first);

        assertThat(first.releasesRead()).isEqualTo(1000);
        assertThat(first.releasesSkipped()).isZero();
        assertThat(first.releasesWritten()).isEqualTo(1000);
        assertThat(first.tracksWritten()).isEqualTo(9430);
        assertCounts(ids);

        Map<String, Object> before = TestDatabase.rows(
                "select id, updated_at from records where discogs_release_id = 1").get(0);
        List<Map<String, Object>> tracksBefore = TestDatabase.rows("""
                select t.id from tracks t join records r on r.id = t.record_id
                where r.discogs_release_id = 4497810 order by t.track_index""");

        long recordId = ((Number) before.get("id")).longValue();
        ImportProgress second;
        List<ConsumerRecord<String, byte[]>> announced;
        try (KafkaTail tail = new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class), EventType.RECORD_UPSERTED.topic())) {
            start = System.nanoTime();
            second = importer.importFile(SAMPLE);
            // release 1: one RecordUpserted and six TrackUpserted, keyed by the record id
            announced = tail.await(r -> String.valueOf(recordId).equals(r.key()), 7, Duration.ofSeconds(60));
        }
        System.out.printf("DumpImportTest: re-import of the sample took %d ms (%s)%n",
                (System.nanoTime() - start) / 1_000_000, second);
        assertThat(second.releasesInserted()).isZero();
        assertThat(second.releasesUpdated()).isEqualTo(1000);
        assertThat(second.tracksWritten()).isEqualTo(9430);
        assertCounts(ids);
        Map<String, Object> after = TestDatabase.rows(
                "select id, updated_at from records where discogs_release_id = 1").get(0);
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat((java.sql.Timestamp) after.get("updated_at")).isAfterOrEqualTo(
                (java.sql.Timestamp) before.get("updated_at"));
        assertThat(TestDatabase.rows("""
                select t.id from tracks t join records r on r.id = t.record_id
                where r.discogs_release_id = 4497810 order by t.track_index""")).isEqualTo(tracksBefore);
        assertThat(announced).extracting(r -> new String(r.headers().lastHeader("ce_type").value(),
                        StandardCharsets.UTF_8))
                .containsOnly(EventType.RECORD_UPSERTED.type(), EventType.TRACK_UPSERTED.type())
                .filteredOn(EventType.TRACK_UPSERTED.type()::equals).hasSize(6);
        JsonNode video = mapper.readTree("""
                {"uri": "https://www.youtube.com/watch?v=MpmbntGDyNE", "title": "The Persuader - Östermalm",
                 "duration_seconds": 296}""");
        // what matching needs to find the tracks' audio travels with them, and the labels analytics compares
        assertThat(announced.stream().map(r -> json(r.value())).toList())
                .anySatisfy(json -> {
                    assertThat(json.path("title").asText()).isEqualTo("Stockholm");
                    assertThat(json.has("track_ids")).isTrue();
                    assertThat(json.path("artists").toString()).isEqualTo("[\"The Persuader\"]");
                    assertThat(json.path("labels").toString()).isEqualTo("[\"Svek\"]");
                    assertThat(json.path("videos")).contains(video);
                })
                .anySatisfy(json -> {
                    assertThat(json.path("title").asText()).isEqualTo("Östermalm");
                    assertThat(json.path("heading").asBoolean(true)).isFalse();
                    assertThat(json.path("duration_seconds").asInt()).isEqualTo(285);
                });
        // the outbox keeps the JSON as the service serialised it (text, not jsonb): published unchanged
        List<byte[]> records = announced.stream().filter(r -> EventType.RECORD_UPSERTED.type().equals(
                new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)))
                .map(ConsumerRecord::value).toList();
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0), StandardCharsets.UTF_8))
                .isEqualTo(mapper.writeValueAsString(mapper.readValue(records.get(0), RecordUpserted.class)));
        assertThat(TestDatabase.rows("""
                select data_type from information_schema.columns
                where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'payload'""")
                .get(0)).containsEntry("data_type", "text");
    }

    private JsonNode json(byte[] value) {
        try {
            return mapper.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertCounts(String ids) {
        assertThat(TestDatabase.count(
                "select count(*) from records where discogs_release_id = any(string_to_array(?, ',')::bigint[])",
                ids)).isEqualTo(1000);
        assertThat(TestDatabase.count("""
                select count(*) from tracks t join records r on r.id = t.record_id
                where r.discogs_release_id = any(string_to_array(?, ',')::bigint[])""", ids)).isEqualTo(9430);
    }

    @Test
    void fieldsMatchTheXml() throws Exception {
        importer.importFile(SAMPLE);

        // <release id="1">: The Persuader – Stockholm
        Map<String, Object> stockholm = TestDatabase.rows("""
                select id, artist, artist_sort, title, release_year, released, country, genres[1] as genre,
                       styles[1] as style, labels -> 0 ->> 'name' as label, labels -> 0 ->> 'catno' as catno,
                       master_id, is_main_release, data_quality, discogs_status, source,
                       jsonb_array_length(videos) as videos, videos -> 0 ->> 'uri' as video_uri,
                       videos -> 0 ->> 'title' as video_title, (videos -> 0 ->> 'duration')::int as video_duration,
                       extra_artists -> 0 ->> 'role' as credit, jsonb_array_length(identifiers) as identifiers,
                       formats -> 0 ->> 'name' as format, formats -> 0 -> 'descriptions' ->> 0 as format_desc,
                       companies -> 0 ->> 'name' as company, jsonb_array_length(images) as images, tracklist_count
                from records where discogs_release_id = 1""").get(0);
        assertThat(stockholm).containsEntry("artist", "The Persuader").containsEntry("artist_sort", "Persuader, The")
                .containsEntry("title", "Stockholm").containsEntry("released", "1999-03-00")
                .containsEntry("country", "Sweden").containsEntry("genre", "Electronic")
                .containsEntry("style", "Deep House").containsEntry("label", "Svek").containsEntry("catno", "SK032")
                .containsEntry("master_id", 1660109L).containsEntry("is_main_release", true)
                .containsEntry("data_quality", "Needs Vote").containsEntry("discogs_status", "Accepted")
                .containsEntry("source", "discogs_dump").containsEntry("videos", 6)
                .containsEntry("video_uri", "https://www.youtube.com/watch?v=MpmbntGDyNE")
                .containsEntry("video_title", "The Persuader - Östermalm").containsEntry("video_duration", 296)
                .containsEntry("credit", "Music By [All Tracks By]").containsEntry("identifiers", 5)
                .containsEntry("format", "Vinyl").containsEntry("format_desc", "12\"")
                .containsEntry("company", "The Globe Studios").containsEntry("images", 4)
                .containsEntry("tracklist_count", 6);
        assertThat(((Number) stockholm.get("release_year")).intValue()).isEqualTo(1999);
        assertThat(TestDatabase.rows("""
                select position, title, duration_seconds, is_heading from tracks where record_id = ?
                order by track_index""", stockholm.get("id")))
                .extracting(t -> t.get("position") + " " + t.get("title") + " " + t.get("duration_seconds") + " "
                        + t.get("is_heading"))
                .containsExactly("A Östermalm 285 false", "B1 Vasastaden 371 false", "B2 Kungsholmen 169 false",
                        "C1 Södermalm 338 false", "C2 Norrmalm 292 false", "D Gamla Stan 316 false");

        // <release id="41">: two artists, the second under its name variation, joined by "&"; released "1999"
        assertThat(TestDatabase.rows("""
                select artist, release_year, jsonb_array_length(artists) as artists, master_id
                from records where discogs_release_id = 41""").get(0))
                .containsEntry("artist", "Fredrik Stark & Citydreams").containsEntry("artists", 2)
                .containsEntry("master_id", null);

        // <release id="4497810">: no <released> → no year; index tracks ("Konzert Nr. 1 Bwv 1046") with sub-tracks
        Map<String, Object> brandenburg = TestDatabase.rows("""
                select id, release_year, country, tracklist_count from records where discogs_release_id = 4497810""")
                .get(0);
        assertThat(brandenburg).containsEntry("release_year", null).containsEntry("country", "Netherlands")
                .containsEntry("tracklist_count", 23);
        List<Map<String, Object>> tracks = TestDatabase.rows("""
                select t.track_index, t.position, t.title, t.duration_seconds, t.is_heading, p.track_index as parent
                from tracks t left join tracks p on p.id = t.parent_track_id
                where t.record_id = ? order by t.track_index limit 6""", brandenburg.get("id"));
        assertThat(tracks.get(0)).containsEntry("position", null).containsEntry("title", "Konzert Nr. 1 Bwv 1046")
                .containsEntry("is_heading", true).containsEntry("parent", null);
        assertThat(tracks.get(1)).containsEntry("position", "A1").containsEntry("title", "(Allegro)")
                .containsEntry("duration_seconds", 252).containsEntry("is_heading", false).containsEntry("parent", 0);
        assertThat(tracks.get(5)).containsEntry("title", "Konzert Nr. 2 Bwv 1047").containsEntry("is_heading", true);
    }

    @Test
    void aBrokenReleaseIsSkippedWithItsReasonAndTheRestIsImported() throws Exception {
        Path crafted = resource("discogs/dump/crafted-releases.xml");
        ImportProgress progress = importer.importFile(crafted);

        assertThat(progress.releasesRead()).isEqualTo(6);
        assertThat(progress.releasesWritten()).isEqualTo(2);
        assertThat(progress.releasesSkipped()).isEqualTo(4);
        assertThat(progress.skipReasons()).containsExactly(
                "release (no id): release without id",
                "release 990000002: release 990000002 has no title",
                "release abc: release id is not a number: abc",
                "release 990000003: release 990000003: master_id is not a number: nope");
        assertThat(TestDatabase.count(
                "select count(*) from records where discogs_release_id in (990000002, 990000003)")).isZero();

        Map<String, Object> good = TestDatabase.rows("""
                select id, artist, release_year, released, labels -> 0 ->> 'catno' as catno
                from records where discogs_release_id = 990000001""").get(0);
        assertThat(good).containsEntry("artist", "The Good One & Partner").containsEntry("release_year", null)
                .containsEntry("released", "0").containsEntry("catno", "TL 1");
        assertThat(TestDatabase.rows("select duration_seconds from tracks where record_id = ?", good.get("id")))
                .extracting(r -> r.get("duration_seconds")).containsExactly(3723);

        long headings = ((Number) TestDatabase.rows(
                "select id from records where discogs_release_id = 990000004").get(0).get("id")).longValue();
        assertThat(TestDatabase.rows("""
                select t.position, t.title, t.duration_seconds, t.is_heading, p.title as parent
                from tracks t left join tracks p on p.id = t.parent_track_id
                where t.record_id = ? order by t.track_index""", headings))
                .extracting(t -> t.get("position") + "|" + t.get("title") + "|" + t.get("duration_seconds") + "|"
                        + t.get("is_heading") + "|" + t.get("parent"))
                .containsExactly("null|Side A|null|true|null", "A1|Opener|285|false|null",
                        "null|Suite|null|true|null", "A2.a|Part 1|120|false|Suite", "A2.b|Part 2|null|false|Suite");
    }

    @Test
    void aFileThatIsNotAReleasesDumpIsRefused() throws Exception {
        Path notADump = resource("discogs/dump/not-a-dump.xml");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DumpImporter.check(notADump))
                .isInstanceOf(ReleaseDumpReader.NotADumpException.class).hasMessageContaining("<releases>");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(DumpImportTest.class.getClassLoader().getResource(name).toURI());
    }

    /** The release ids of the sample, read with a bare StAX pass (independent of the importer). */
    static List<String> sampleReleaseIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLE))) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "release".equals(xml.getLocalName())) {
                    ids.add(xml.getAttributeValue(null, "id"));
                }
            }
        }
        return ids;
    }
}
