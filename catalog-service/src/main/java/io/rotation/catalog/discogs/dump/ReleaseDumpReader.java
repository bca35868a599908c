package io.rotation.catalog.discogs.dump;

import static io.rotation.catalog.discogs.DiscogsText.artistSort;
import static io.rotation.catalog.discogs.DiscogsText.displayArtist;
import static io.rotation.catalog.discogs.DiscogsText.duration;
import static io.rotation.catalog.discogs.DiscogsText.truncate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a Discogs releases dump ({@code discogs_*_releases.xml}, plain or gzip) with StAX: one
 * {@code <release>} element at a time is read into a small tree and converted, so memory stays
 * constant whatever the file size. A release that cannot be converted is returned as a
 * {@link Skipped} with its reason; only XML that is not well-formed ends the stream (StAX cannot
 * resynchronise after it).
 */
public final class ReleaseDumpReader implements Closeable {

    /** What {@link #next()} returns: a release to write or a release skipped with its reason. */
    public sealed interface Item permits Parsed, Skipped {
    }

    public record Parsed(DumpRelease release) implements Item {
    }

    public record Skipped(String releaseId, String reason) implements Item {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Elements whose children are a list (Discogs' plural containers). */
    private static final Set<String> LISTS = Set.of("artists", "extraartists", "labels", "formats", "descriptions",
            "genres", "styles", "images", "videos", "identifiers", "companies", "series", "tracklist", "sub_tracks");
    /** Fields whose digits are numbers in the API's JSON. */
    private static final Set<String> NUMERIC = Set.of("id", "qty", "width", "height", "entity_type", "duration");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    private final InputStream in;
    private final XMLStreamReader xml;

    public ReleaseDumpReader(Path file) throws IOException {
        this.in = open(file);
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            this.xml = factory.createXMLStreamReader(in, "UTF-8");
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // up to the root element
            }
            if (!xml.isStartElement() || !"releases".equals(xml.getLocalName())) {
                throw new NotADumpException("not a Discogs releases dump: the root element is not <releases>");
            }
        } catch (XMLStreamException e) {
            in.close();
            throw new NotADumpException("not a Discogs releases dump: " + e.getMessage());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file is not a releases dump (wrong root element, not XML). */
    public static class NotADumpException extends IOException {
        public NotADumpException(String message) {
            super(message);
        }
    }

    /** Opens plain XML or gzip (recognised by its magic bytes, whatever the file name). */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /** @return the next release or skipped release, or null at the end of the dump */
    public Item next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                XmlNode node = readElement();
                if (!"release".equals(name)) {
                    continue;
                }
                String id = node.attributes.get("id");
                try {
                    return new Parsed(convert(node));
                } catch (MalformedReleaseException e) {
                    return new Skipped(id, e.getMessage());
                } catch (RuntimeException e) {
                    return new Skipped(id, "unreadable release: " + e);
                }
            }
        }
        return null;
    }

    /** Reads the element the reader stands on (START_ELEMENT) up to its END_ELEMENT. */
    private XmlNode readElement() throws XMLStreamException {
        XmlNode node = new XmlNode(xml.getLocalName());
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            node.attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(readElement());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> {
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing anyway
        }
        in.close();
    }

    // ---- conversion of one release ----

    static DumpRelease convert(XmlNode r) {
        String idText = r.attributes.get("id");
        if (idText == null || idText.isBlank()) {
            throw new MalformedReleaseException("release without id");
        }
        long id;
        try {
            id = Long.parseLong(idText.trim());
        } catch (NumberFormatException e) {
            throw new MalformedReleaseException("release id is not a number: " + idText);
        }
        if (id <= 0) {
            throw new MalformedReleaseException("release id is not positive: " + idText);
        }
        String title = blankToNull(r.childText("title"));
        if (title == null) {
            throw new MalformedReleaseException("release " + id + " has no title");
        }
        ArrayNode artists = list(r.child("artists"));
        String artist = displayArtist(artists);
        if (artist == null) {
            throw new MalformedReleaseException("release " + id + " has no artists");
        }
        XmlNode master = r.child("master_id");
        Long masterId = null;
        Boolean mainRelease = null;
        if (master != null && !master.text().isBlank()) {
            try {
                masterId = Long.parseLong(master.text().trim());
            } catch (NumberFormatException e) {
                throw new MalformedReleaseException("release " + id + ": master_id is not a number: " + master.text());
            }
            String main = master.attributes.get("is_main_release");
            mainRelease = main == null ? null : Boolean.valueOf(main);
        }
        String released = blankToNull(r.childText("released"));
        ArrayNode images = list(r.child("images"));
        String thumb = null;
        for (JsonNode image : images) {
            String uri150 = image.path("uri150").asText("");
            if (!uri150.isEmpty() && (thumb == null || "primary".equals(image.path("type").asText()))) {
                thumb = uri150;
            }
        }
        ArrayNode videos = JSON.arrayNode();
        for (JsonNode v : list(r.child("videos"))) {
            ObjectNode video = JSON.objectNode();
            video.set("uri", v.get("src"));
            video.set("title", v.get("title"));
            video.set("description", v.get("description"));
            video.set("duration", v.get("duration"));
            if (v.has("embed")) {
                video.put("embed", Boolean.parseBoolean(v.get("embed").asText()));
            }
            videos.add(video);
        }
        List<DumpRelease.DumpTrack> tracks = new ArrayList<>();
        XmlNode tracklist = r.child("tracklist");
        if (tracklist != null) {
            flatten(id, tracklist.children, null, artist, tracks);
        }
        return new DumpRelease(id, masterId, mainRelease, truncate(artist, 100_000), artistSort(artist),
                artists.toString(), title, list(r.child("labels")).toString(), list(r.child("formats")).toString(),
                strings(r.child("genres")), strings(r.child("styles")), year(released), truncate(released, 32),
                truncate(blankToNull(r.childText("country")), 128), blankToNull(r.childText("notes")),
                truncate(blankToNull(r.childText("data_quality")), 64), truncate(r.attributes.get("status"), 32),
                images.toString(), thumb, videos.toString(), list(r.child("extraartists")).toString(),
                list(r.child("companies")).toString(), list(r.child("series")).toString(),
                list(r.child("identifiers")).toString(), tracks);
    }

    /**
     * Flattens the tracklist in document order. A track with sub-tracks is an index track (a
     * non-playable row, {@code heading}), its sub-tracks point at it; a track with neither
     * position, duration nor sub-tracks is a heading ("Side A", "CD 2").
     */
    private static void flatten(long releaseId, List<XmlNode> elements, Integer parent, String releaseArtist,
                                List<DumpRelease.DumpTrack> out) {
        for (XmlNode t : elements) {
            if (!"track".equals(t.name)) {
                continue;
            }
            int index = out.size();
            String position = blankToNull(t.childText("position"));
            String durationText = blankToNull(t.childText("duration"));
            XmlNode subTracks = t.child("sub_tracks");
            boolean hasSubTracks = subTracks != null && subTracks.child("track") != null;
            boolean heading = hasSubTracks || (position == null && durationText == null);
            ArrayNode artists = list(t.child("artists"));
            String artist = displayArtist(artists);
            String title = t.childText("title");
            out.add(new DumpRelease.DumpTrack(index, parent, position, title == null ? "" : title.strip(),
                    duration(durationText), artists.toString(), list(t.child("extraartists")).toString(), heading,
                    artist == null ? releaseArtist : artist));
            if (hasSubTracks) {
                flatten(releaseId, subTracks.children, index, releaseArtist, out);
            }
        }
    }

    /** The year of "1999-03-00"; 0 or out of the records' range (1877–2100) → null. */
    static Integer year(String released) {
        if (released == null) {
            return null;
        }
        Matcher m = YEAR.matcher(released.trim());
        if (!m.find()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        return year < 1877 || year > 2100 ? null : year;
    }

    private static List<String> strings(XmlNode container) {
        List<String> values = new ArrayList<>();
        if (container != null) {
            for (XmlNode c : container.children) {
                String v = blankToNull(c.text());
                if (v != null) {
                    values.add(v.strip());
                }
            }
        }
        return values;
    }

    private static ArrayNode list(XmlNode container) {
        ArrayNode array = JSON.arrayNode();
        if (container != null) {
            for (XmlNode c : container.children) {
                array.add(json(c));
            }
        }
        return array;
    }

    /** An element as JSON: text-only → string; otherwise an object of its attributes and children. */
    private static JsonNode json(XmlNode node) {
        if (node.attributes.isEmpty() && node.children.isEmpty()) {
            return value(node.name, node.text());
        }
        ObjectNode object = JSON.objectNode();
        node.attributes.forEach((k, v) -> object.set(k, value(k, v)));
        for (XmlNode c : node.children) {
            object.set(c.name, LISTS.contains(c.name) ? list(c) : json(c));
        }
        if (node.children.isEmpty() && !node.text().isBlank()) {
            object.put("value", node.text());
        }
        return object;
    }

    private static JsonNode value(String key, String text) {
        if (NUMERIC.contains(key) && text.matches("\\d{1,18}")) {
            return JSON.numberNode(Long.parseLong(text));
        }
        return JSON.textNode(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
