package dev.meridian.agent.fuzz;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One lane of the fuzz test: plays cases against one agent until the time budget is spent (or
 * replays the chosen ones), checks the {@link Invariants} after each, then checks the agent as a
 * whole: healthy, nothing in flight, the upstream back to its baseline of open connections.
 */
final class FuzzRun {
    private static final Duration SETTLE = Duration.ofSeconds(1);
    private static final int MAX_REPLAYS = 4;

    interface Cases {
        FuzzCase next(String lane, long index, SplittableRandom r);
    }

    interface Player {
        Outcome play(FuzzCase c) throws Exception;
    }

    private final String lane;
    private final FuzzSeed seed;
    private final AgentHarness h;
    private final AgentProbe probe;
    private final Findings findings = new Findings();
    private long played;
    private long mutated;

    FuzzRun(String lane, FuzzSeed seed, AgentHarness h, AgentProbe probe) {
        this.lane = lane;
        this.seed = seed;
        this.h = h;
        this.probe = probe;
    }

    Findings run(Duration budget, Cases cases, Player player) throws Exception {
        int baseline = startingBaseline();
        try (PipelineWarnings warnings = new PipelineWarnings()) {
            Invariants invariants = new Invariants(h, probe, warnings, findings);
            play(budget, cases, player, invariants);
            afterTheRun(baseline, invariants, player);
        }
        return findings;
    }

    private void play(Duration budget, Cases cases, Player player, Invariants invariants) throws Exception {
        long deadline = System.nanoTime() + seed.budget(budget).toNanos();
        long last = seed.replaying() ? seed.highestSelected(lane) : Long.MAX_VALUE;
        for (long i = 0; i <= last && (seed.replaying() || System.nanoTime() < deadline); i++) {
            if (seed.replaying() && !seed.selected(lane, i)) {
                continue;
            }
            FuzzCase c = cases.next(lane, i, seed.random(lane, i));
            Invariants.Mark mark = invariants.mark();
            Outcome o = playSafely(player, c);
            invariants.check(c, o, mark);
            played++;
            mutated += c.kind().isEmpty() ? 0 : 1;
        }
    }

    String stats() {
        return lane + ": " + played + " cases, " + mutated + " mutated";
    }

    static Outcome playSafely(Player player, FuzzCase c) {
        try {
            return player.play(c);
        } catch (Exception e) {
            return new Outcome(List.of(), false, "the client failed: " + e);
        }
    }

    /** Warms the token cache, then closes the upstream's idle connections: what is open afterwards is the baseline. */
    private int startingBaseline() throws Exception {
        // A cold agent can take longer than a case's quiet period for its first requests of each kind.
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = probe.authenticated(Corpus.PREFIX + "/api?fz=warmup");
            if (ok.statusCode() != 200) {
                throw new IllegalStateException(
                        "the agent refused a well-formed request before any fuzzing: " + ok.statusCode());
            }
            probe.forged(Corpus.PREFIX + "/api?fz=warmup");
            probe.healthz();
        }
        Invariants.within(SETTLE, () -> probe.inFlight() == 0);
        h.upstream.closeIdleConnections();
        Invariants.within(SETTLE, () -> h.upstream.openConnections() == 0);
        return h.upstream.openConnections();
    }

    private void afterTheRun(int baseline, Invariants invariants, Player player) throws Exception {
        HttpResponse<String> health = probe.healthz();
        if (health.statusCode() != 200) {
            findings.add(Findings.HEALTHY, null, null, "GET /healthz answered " + health.statusCode());
        }
        HttpResponse<String> ok = probe.authenticated(Corpus.PREFIX + "/api/v1/namespaces/after/configmaps?fz=final");
        EchoUpstream.Seen last = h.upstream.seen().stream()
                .filter(s -> s.uri().contains("fz=final"))
                .reduce((a, b) -> b)
                .orElse(null);
        if (ok.statusCode() != 200
                || last == null
                || !UpstreamRules.violations(last).isEmpty()) {
            findings.add(
                    Findings.HEALTHY,
                    null,
                    null,
                    "an authenticated GET answered " + ok.statusCode() + ", the upstream "
                            + (last == null ? "never saw it" : "saw " + UpstreamRules.violations(last)));
        }
        Invariants.within(SETTLE, () -> probe.inFlight() == 0 && h.upstream.busyConnections() == 0);
        int inFlight = probe.inFlight();
        int busy = h.upstream.busyConnections();
        if (inFlight != 0) {
            findings.add(
                    Findings.IN_FLIGHT,
                    null,
                    null,
                    inFlight + " request(s) still in flight " + SETTLE.toMillis() + " ms after the run");
        }
        if (busy != 0) {
            findings.add(
                    Findings.UPSTREAM,
                    null,
                    null,
                    busy + " upstream connection(s) still busy " + SETTLE.toMillis() + " ms after the run");
        }
        h.upstream.closeIdleConnections();
        if (!Invariants.within(
                busy == 0 ? SETTLE : Duration.ofMillis(200), () -> h.upstream.openConnections() <= baseline)) {
            findings.add(
                    Findings.UPSTREAM,
                    null,
                    null,
                    h.upstream.openConnections() + " upstream connection(s) open after"
                            + " the idle ones were closed, against " + baseline + " before the run");
        }
        invariants.checkEveryForwardedRequestWasAudited();
        reportSuspects(invariants, player);
    }

    /**
     * Suspected leaks count only if something stayed up after the run; then the smallest case of
     * each kind is replayed, and the report says whether it leaked again.
     */
    private void reportSuspects(Invariants invariants, Player player) throws Exception {
        Map<String, List<Findings.Finding>> byKind = new LinkedHashMap<>();
        for (Findings.Finding f : invariants.suspects()) {
            if (findings.has(f.property())) {
                byKind.computeIfAbsent(f.property() + " " + f.c().kindText(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        int replays = 0;
        for (List<Findings.Finding> group : byKind.values()) {
            Findings.Finding smallest = group.stream()
                    .min(Comparator.comparingInt(f -> f.c().sentBytes()))
                    .orElseThrow();
            String verdict = "";
            if (replays < MAX_REPLAYS) {
                replays++;
                verdict = invariants.leaksOnReplay(smallest.c(), player)
                        ? " (leaked again on replay)"
                        : " (not again on replay)";
            }
            for (Findings.Finding f : group) {
                findings.add(f.property(), f.c(), f.outcome(), f.detail() + (f == smallest ? verdict : ""));
            }
        }
    }
}
