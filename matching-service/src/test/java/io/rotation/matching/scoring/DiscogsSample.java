package io.rotation.matching.scoring;

import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.TrackInfo;
import io.rotation.platform.testing.RepoRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Discogs releases sample read with StAX, as matching sees a release: its tracklist rows in order
 * (headings, index tracks and sub-tracks included, as the dump has them; track ids are release id × 1000 +
 * row) and its YouTube videos as {@code release_video} candidates.
 */
public final class DiscogsSample {

    public static final Path PATH = RepoRoot.find()
            .resolve("deploy/local/data/discogs/discogs_20200806_releases.xml.gz");

    /** One release and the videos it lists. */
    public record Release(ReleaseContext context, List<Candidate> videos) {

        public TrackInfo track(String position) {
            return context.tracks().stream().filter(t -> t.position().equals(position)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no track " + position + " on release "
                            + context.discogsReleaseId()));
        }
    }

    private static Map<Long, Release> cached;

    private DiscogsSample() {
    }

    /** Every release of the sample by Discogs id, in dump order (read once per JVM). */
    public static synchronized Map<Long, Release> releases() {
        if (cached == null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(PATH), 1 << 16)) {
                cached = read(in);
            } catch (IOException | XMLStreamException e) {
                throw new IllegalStateException("cannot read " + PATH, e);
            }
        }
        return cached;
    }

    static Map<Long, Release> read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in, "UTF-8");
        Map<Long, Release> out = new LinkedHashMap<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("release")) {
                Release r = release(xml);
                out.put(r.context().discogsReleaseId(), r);
            }
        }
        return out;
    }

    private static Release release(XMLStreamReader xml) throws XMLStreamException {
        long id = Long.parseLong(xml.getAttributeValue(null, "id"));
        String title = null;
        Integer year = null;
        List<String> artists = new ArrayList<>();
        List<TrackInfo> tracks = new ArrayList<>();
        List<Candidate> videos = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "title" -> title = xml.getElementText();
                case "released" -> year = year(xml.getElementText());
                case "artists" -> artists = artists(xml);
                case "tracklist" -> tracks(xml, id, tracks);
                case "videos" -> videos(xml, videos);
                default -> {
                    skip(xml);
                }
            }
        }
        return new Release(new ReleaseContext(id, id, title, artists, year, tracks), videos);
    }

    private static List<String> artists(XMLStreamReader xml) throws XMLStreamException {
        List<String> names = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("name")) {
                    names.add(xml.getElementText());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return names;
    }

    /** Tracklist rows in document order; a track's sub-tracks follow it. */
    private static void tracks(XMLStreamReader xml, long releaseId, List<TrackInfo> out) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("track")) {
                track(xml, releaseId, out);
            }
        }
    }

    private static void track(XMLStreamReader xml, long releaseId, List<TrackInfo> out) throws XMLStreamException {
        String position = "";
        String title = "";
        Integer duration = null;
        List<String> artists = List.of();
        int row = out.size();
        out.add(null);
        List<TrackInfo> subTracks = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "position" -> position = xml.getElementText().strip();
                case "title" -> title = xml.getElementText().strip();
                case "duration" -> duration = seconds(xml.getElementText());
                case "artists" -> artists = artists(xml);
                case "sub_tracks" -> tracks(xml, releaseId, subTracks);
                default -> skip(xml);
            }
        }
        out.set(row, new TrackInfo(releaseId * 1000 + row, position, title, artists, duration));
        for (TrackInfo sub : subTracks) {
            int subRow = out.size();
            out.add(new TrackInfo(releaseId * 1000 + subRow, sub.position(), sub.title(), sub.artists(),
                    sub.durationSeconds()));
        }
    }

    private static void videos(XMLStreamReader xml, List<Candidate> out) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("video")) {
                String src = xml.getAttributeValue(null, "src");
                String duration = xml.getAttributeValue(null, "duration");
                String title = null;
                while (true) {
                    int e = xml.next();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        if (xml.getLocalName().equals("title")) {
                            title = xml.getElementText();
                        } else {
                            skip(xml);
                        }
                    }
                }
                String id = src.substring(src.indexOf("v=") + 2);
                out.add(new Candidate("youtube", id, src, title, null,
                        duration == null || duration.isBlank() ? null : Integer.valueOf(duration),
                        Candidate.SOURCE_RELEASE_VIDEO, null, null));
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static Integer seconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int total = 0;
        for (String part : text.strip().split(":")) {
            if (!part.chars().allMatch(Character::isDigit) || part.isEmpty()) {
                return null;
            }
            total = total * 60 + Integer.parseInt(part);
        }
        return total;
    }

    private static Integer year(String released) {
        return released != null && released.length() >= 4 && released.substring(0, 4).chars()
                .allMatch(Character::isDigit) ? Integer.valueOf(released.substring(0, 4)) : null;
    }
}
