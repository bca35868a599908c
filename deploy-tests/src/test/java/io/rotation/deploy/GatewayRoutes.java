package io.rotation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Service the HTTPRoutes send a path to, with the Gateway API's precedence as this repository
 * relies on it: an Exact match, then a RegularExpression match (implementation-specific: the routes'
 * header says so), then the longest PathPrefix, matched by whole path segments.
 */
final class GatewayRoutes {

    record Match(String type, String value, String service, String route) {
    }

    private final List<Match> matches = new ArrayList<>();

    GatewayRoutes(List<Manifests.Resource> httpRoutes) {
        for (Manifests.Resource route : httpRoutes) {
            for (JsonNode rule : route.doc().path("spec").path("rules")) {
                String service = rule.path("backendRefs").path(0).path("name").asText(null);
                for (JsonNode match : rule.path("matches")) {
                    JsonNode path = match.path("path");
                    matches.add(new Match(path.path("type").asText("PathPrefix"), path.path("value").asText("/"), service,
                            route.name()));
                }
            }
        }
    }

    List<Match> matches() {
        return matches;
    }

    /** The Service the path goes to, empty when no route takes it. */
    Optional<String> serviceFor(String path) {
        Optional<Match> exact = matches.stream().filter(m -> m.type().equals("Exact") && m.value().equals(path)).findFirst();
        if (exact.isPresent()) {
            return Optional.ofNullable(exact.get().service());
        }
        Optional<Match> regex = matches.stream()
                .filter(m -> m.type().equals("RegularExpression") && Pattern.matches(m.value(), path)).findFirst();
        if (regex.isPresent()) {
            return Optional.ofNullable(regex.get().service());
        }
        return matches.stream().filter(m -> m.type().equals("PathPrefix") && prefixMatches(m.value(), path))
                .max(Comparator.comparingInt(m -> m.value().length()))
                .map(Match::service);
    }

    private static boolean prefixMatches(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }
}
