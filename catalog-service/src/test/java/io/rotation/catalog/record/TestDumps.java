package io.rotation.catalog.record;

import io.quarkus.arc.Arc;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.platform.testing.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.stream.XMLStreamException;

/**
 * Small releases dumps written for one test, with release ids no other test (or the sample) uses:
 * tests of other classes, run at the same time on the same database and Redis, never touch them.
 */
public final class TestDumps {

    /** The 1,000-release sample of the Discogs dump. */
    public static final Path SAMPLE = RepoRoot.find()
            .resolve("deploy/local/data/discogs/discogs_20200806_releases.xml.gz");

    /** The test classes that have imported the sample. */
    private static final Set<Class<?>> SAMPLE_IMPORTED = ConcurrentHashMap.newKeySet();

    private TestDumps() {
    }

    /**
     * Imports {@link #SAMPLE} with the application's importer before the first test of {@code test}'s
     * class (call it from a {@code @BeforeEach} of a {@code @QuarkusTest}): once per class, since other
     * classes may change the sample's rows meanwhile.
     */
    public static void importSampleOnce(Object test) throws IOException, XMLStreamException {
        if (!SAMPLE_IMPORTED.contains(test.getClass())) {
            Arc.container().instance(DumpImporter.class).get().importFile(SAMPLE);
            SAMPLE_IMPORTED.add(test.getClass());
        }
    }

    /** A release id in 800,000,000..899,999,999 (the sample's are below 15 million, crafted ones 990,000,00x). */
    public static long freshReleaseId() {
        return 800_000_000L + ThreadLocalRandom.current().nextLong(100_000_000L);
    }

    /** A dump of one release with two tracks. */
    public static Path oneRelease(long releaseId, String artist, String title) throws IOException {
        String xml = """
                <releases>
                <release id="%d" status="Accepted"><artists><artist><id>1</id><name>%s</name><anv/><join/><role/><tracks/></artist></artists><title>%s</title><labels><label name="Cache Test Label" catno="CT 1" id="77"/></labels><genres><genre>Electronic</genre></genres><styles><style>Techno</style></styles><country>UK</country><released>2003-04-00</released><tracklist><track><position>A</position><title>Side One</title><duration>3:00</duration></track><track><position>B</position><title>Side Two</title><duration>4:00</duration></track></tracklist></release>
                </releases>
                """.formatted(releaseId, artist, title);
        Path file = Files.createTempFile("rotation-test-dump-", ".xml");
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
