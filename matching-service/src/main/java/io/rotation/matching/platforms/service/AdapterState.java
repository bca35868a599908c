package io.rotation.matching.platforms.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.scoring.model.Candidate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jboss.logging.Logger;

/**
 * What an adapter tells the log and the health check: whether it is off and why (said once, at
 * start-up), and its last problem (quota spent, platform unavailable), said once per kind of problem.
 */
public final class AdapterState {

    private static final Logger LOG = Logger.getLogger(AdapterState.class);

    private final AudioPlatform platform;
    private final String offBecause;
    private volatile String lastProblem;
    private volatile Instant lastProblemAt;

    private AdapterState(AudioPlatform platform, String offBecause) {
        this.platform = platform;
        this.offBecause = offBecause;
    }

    /** An adapter's state; {@code offBecause} null when it is on. Says once in the log that it is off. */
    public static AdapterState of(AudioPlatform platform, String offBecause) {
        if (offBecause != null) {
            LOG.infof("%s search is off: %s", platform, offBecause);
        }
        return new AdapterState(platform, offBecause);
    }

    public boolean enabled() {
        return offBecause == null;
    }

    /** A problem worth telling (logged when it differs from the last one). */
    public void note(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.warnf("%s search: %s", platform, problem);
        }
        lastProblem = problem;
        lastProblemAt = Instant.now();
    }

    /** A failed search: noted, and no candidates from this platform for it. */
    public List<Candidate> failed(Throwable e) {
        note(e.getMessage() == null ? e.toString() : e.getMessage());
        return List.of();
    }

    /**
     * The JSON body of a 2xx answer; otherwise a failure (after {@code quota} has looked at it: a quota
     * answer is reported as such).
     */
    public JsonNode read(ObjectMapper mapper, PlatformHttp.Answer answer, BiPredicate<PlatformHttp.Answer, JsonNode> quota) {
        JsonNode body;
        try {
            body = answer.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(answer.body());
        } catch (Exception e) {
            throw new PlatformHttp.PlatformUnavailable("unreadable answer (" + answer.status() + ")");
        }
        if (quota.test(answer, body)) {
            throw new PlatformHttp.PlatformUnavailable("quota exhausted");
        }
        if (!answer.ok()) {
            throw new PlatformHttp.PlatformUnavailable("answered " + answer.status());
        }
        return body;
    }

    /** The health check's view. */
    public Map<String, Object> describe() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", enabled());
        if (offBecause != null) {
            view.put("off_because", offBecause);
        }
        if (lastProblem != null) {
            view.put("last_problem", lastProblem);
            view.put("last_problem_at", lastProblemAt.toString());
        }
        return view;
    }

    public AudioPlatform platform() {
        return platform;
    }
}
