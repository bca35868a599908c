package io.rotation.catalog.discogs.dump;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One element of a release as read from the dump: attributes, child elements and text. */
final class XmlNode {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<XmlNode> children = new ArrayList<>();
    final StringBuilder text = new StringBuilder();

    XmlNode(String name) {
        this.name = name;
    }

    String text() {
        return text.toString();
    }

    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }
}
