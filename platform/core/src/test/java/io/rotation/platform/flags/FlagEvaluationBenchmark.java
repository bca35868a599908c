package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.MurmurHash3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process evaluator's rate on one thread: a flexibleRollout flag with two constraints (the
 * issue's goal: 5 million a second per core), against a baseline measured in the same run, a bare
 * murmur3 of the stickiness key, encoded as a string (the least any rollout evaluation must do,
 * done plainly).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FlagEvaluationBenchmark {

    private FlagSet flags;
    private UnleashContext[] contexts;
    private int next;

    @Setup
    public void setUp() throws Exception {
        flags = FlagSet.of(new ObjectMapper().readTree("""
                {"version": 1, "features": [{"name": "checkout.v2", "enabled": true, "strategies": [
                  {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "default", "groupId": "checkout.v2"},
                   "constraints": [
                     {"contextName": "country", "operator": "IN", "values": ["GB", "FR", "DE", "NL"]},
                     {"contextName": "appVersion", "operator": "SEMVER_GTE", "value": "2.1.0"}]}]}]}"""));
        contexts = new UnleashContext[1024];
        String[] countries = {"GB", "FR", "US", "DE"};
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new UnleashContext(String.valueOf(100_000 + i), null, null, "production", "web", null,
                    Map.of("country", countries[i % 4], "appVersion", i % 3 == 0 ? "2.0.9" : "2.4.1"));
        }
    }

    @Benchmark
    public boolean flexibleRolloutWithTwoConstraints() {
        return flags.isEnabled("checkout.v2", contexts[next++ & 1023]);
    }

    /** Written out here, not StickinessHash's, so that the baseline stays put when the evaluator changes. */
    @Benchmark
    public int baselineMurmurOfTheStickinessKey() {
        byte[] key = ("checkout.v2:" + contexts[next++ & 1023].userId()).getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash32x86(key, 0, key.length, 0);
    }
}
