package io.rotation.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing table of deploy/gateway/nginx.conf as nginx applies it: `location =` first, then the
 * regex locations in file order; an upstream `user_features` is the Service user-features-service.
 */
final class NginxRoutes {

    record Location(boolean exact, String pattern, String service) {
    }

    private static final Pattern LOCATION = Pattern.compile(
            "location\\s+(=|~)\\s+(\\S+)\\s*\\{([^}]*)}", Pattern.DOTALL);
    private static final Pattern PROXY_PASS = Pattern.compile("proxy_pass\\s+http://([a-z_]+);");

    private final List<Location> locations = new ArrayList<>();

    NginxRoutes() {
        // comments may hold braces ("/api/v1/jobs/{id}/progress") that would end a block early
        String conf = Repo.read(Repo.path("deploy/gateway/nginx.conf")).replaceAll("(?m)#.*$", "");
        Matcher m = LOCATION.matcher(conf);
        while (m.find()) {
            Matcher upstream = PROXY_PASS.matcher(m.group(3));
            if (upstream.find()) {
                locations.add(new Location(m.group(1).equals("="), m.group(2),
                        upstream.group(1).replace('_', '-') + "-service"));
            }
        }
    }

    List<Location> locations() {
        return locations;
    }

    Optional<String> serviceFor(String path) {
        for (Location l : locations) {
            if (l.exact() && l.pattern().equals(path)) {
                return Optional.of(l.service());
            }
        }
        for (Location l : locations) {
            if (!l.exact() && Pattern.compile(l.pattern()).matcher(path).find()) {
                return Optional.of(l.service());
            }
        }
        return Optional.empty();
    }

    /**
     * One path per alternative of each location: {@code ^/api/v1/(plays|favorites)(/|$)} gives
     * /api/v1/plays and /api/v1/favorites; a {@code [^/]+} segment becomes u1.
     */
    List<String> samplePaths() {
        List<String> samples = new ArrayList<>();
        for (Location l : locations) {
            if (l.exact()) {
                samples.add(l.pattern());
                continue;
            }
            String body = l.pattern().replaceFirst("^\\^", "").replace("(/|$)", "");
            int open = body.indexOf('(');
            if (open < 0) {
                samples.add(body);
                continue;
            }
            int close = body.indexOf(')', open);
            for (String alternative : body.substring(open + 1, close).split("\\|")) {
                samples.add(body.substring(0, open) + alternative.replace("[^/]+", "u1") + body.substring(close + 1));
            }
        }
        return samples;
    }
}
