package dev.meridian.agent.fuzz;

import static org.awaitility.Awaitility.await;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The properties checked after each case, once the agent is quiet again: requests in flight and
 * busy upstream connections back where they were, an audit event for each answered request and
 * each request the upstream saw, nothing of the client's identity upstream, no exception left
 * unhandled, and the case's own expectation. A leak moves the baseline, so the cases after it are judged on their own. That
 * every request the upstream saw was audited is checked once the whole run has settled.
 */
final class Invariants {
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration REPLAY_QUIET = Duration.ofMillis(600);
    private static final Pattern ID = Pattern.compile("fz=([0-9a-f]{16})");

    private final AgentHarness h;
    private final AgentProbe probe;
    private final PipelineWarnings warnings;
    private final Findings findings;
    private int inFlightBase;
    private int busyBase;
    private final List<Findings.Finding> suspects = new java.util.ArrayList<>();
    private final Map<String, Played> played = new java.util.HashMap<>();

    /** A case and what its client saw, kept to name the case behind an id later. */
    private record Played(FuzzCase c, Outcome outcome) {}

    /** Where the audit log and the upstream's record stood before a case. */
    record Mark(int events, int seen, int warnings) {}

    Invariants(AgentHarness h, AgentProbe probe, PipelineWarnings warnings, Findings findings) {
        this.h = h;
        this.warnings = warnings;
        this.probe = probe;
        this.findings = findings;
    }

    Mark mark() {
        return new Mark(h.audit.events().size(), h.upstream.seen().size(), warnings.count());
    }

    void check(FuzzCase c, Outcome o, Mark before) throws Exception {
        settle(c, o, QUIET);
        List<AuditEvent> all = h.audit.events();
        List<AuditEvent> events = all.subList(before.events(), all.size());
        List<EchoUpstream.Seen> allSeen = h.upstream.seen();
        List<EchoUpstream.Seen> seen = allSeen.subList(before.seen(), allSeen.size());
        checkAudit(c, o, events);
        c.ids().forEach(id -> played.put(id, new Played(c, o)));
        for (EchoUpstream.Seen s : seen) {
            String problem = UpstreamRules.violations(s);
            if (!problem.isEmpty()) {
                findings.add(Findings.CREDENTIALS, c, o, problem);
            }
        }
        for (String w : warnings.since(before.warnings())) {
            findings.add(Findings.HANDLED, c, o, w);
        }
        if (c.expect() == FuzzCase.Expect.ANSWERED && !o.complete()) {
            findings.add(Findings.ANSWERED, c, o, o.note());
        }
        if (c.expect() == FuzzCase.Expect.REFUSED
                && (o.answers().isEmpty() || o.answers().get(0).status() != 400)) {
            findings.add(
                    Findings.FRAMING,
                    c,
                    o,
                    "answered "
                            + o.answers().stream().map(Outcome.Answer::status).toList());
        }
    }

    /**
     * Waits until the agent and the upstream are quiet. What stays up is suspected to be this
     * case's leak: a slow request (a cold JVM, a hundred streams under load) looks the same for
     * a while, so {@link FuzzRun} replays suspects before it reports them.
     */
    private void settle(FuzzCase c, Outcome o, Duration limit) throws Exception {
        // A request through the agent's one event loop first: what the case's connection left to read is read by then.
        probe.healthz();
        int[] now = new int[2];
        boolean quiet = within(limit, () -> {
            now[0] = probe.inFlight();
            now[1] = h.upstream.busyConnections();
            return now[0] <= inFlightBase && now[1] <= busyBase;
        });
        if (!quiet && now[0] > inFlightBase) {
            suspects.add(new Findings.Finding(
                    Findings.IN_FLIGHT,
                    c,
                    o,
                    "in flight went from " + inFlightBase + " to " + now[0] + " and stayed " + limit.toMillis()
                            + " ms"));
        }
        if (!quiet && now[1] > busyBase) {
            suspects.add(new Findings.Finding(
                    Findings.UPSTREAM,
                    c,
                    o,
                    "busy upstream connections went from " + busyBase + " to " + now[1] + " and stayed "
                            + limit.toMillis() + " ms"));
        }
        inFlightBase = now[0];
        busyBase = now[1];
    }

    /** Leaks suspected so far, oldest first. */
    List<Findings.Finding> suspects() {
        return List.copyOf(suspects);
    }

    /** Plays {@code c} again and tells whether it leaks again, given a longer time to settle. */
    boolean leaksOnReplay(FuzzCase c, FuzzRun.Player player) throws Exception {
        int before = suspects.size();
        Outcome o = FuzzRun.playSafely(player, c);
        settle(c, o, REPLAY_QUIET);
        return suspects.size() > before;
    }

    /**
     * After the run, with everything settled: each request the upstream received was audited
     * exactly once, whichever case it came from and whenever it ended (an upstream or an agent
     * under load may take longer than a case's quiet period).
     */
    void checkEveryForwardedRequestWasAudited() {
        Map<String, Long> audited = count(h.audit.events(), AuditEvent::requestUri);
        Map<Played, List<String>> wrong = new java.util.LinkedHashMap<>();
        count(h.upstream.seen(), EchoUpstream.Seen::uri).keySet().stream()
                .filter(id -> audited.getOrDefault(id, 0L) != 1)
                .forEach(id -> wrong.computeIfAbsent(played.get(id), p -> new java.util.ArrayList<>())
                        .add("fz=" + id + " audited " + audited.getOrDefault(id, 0L) + " time(s)"));
        wrong.forEach((p, ids) -> {
            String detail = "the upstream received " + ids;
            if (p == null) {
                findings.add(Findings.AUDIT_FORWARDED, null, null, detail + " (no case sent these ids)");
            } else {
                findings.add(Findings.AUDIT_FORWARDED, p.c(), p.outcome(), detail);
            }
        });
    }

    private void checkAudit(FuzzCase c, Outcome o, List<AuditEvent> all) {
        // A request of an earlier case that ends late is audited now: it carries that case's id. An id
        // no case sent is this case's own, changed by a mutation (a flipped byte in the target).
        List<AuditEvent> events = all.stream()
                .filter(e -> idOf(e.requestUri())
                        .map(id -> c.ids().contains(id) || !played.containsKey(id))
                        .orElse(true))
                .toList();
        long answered = o.audited();
        if (events.size() < answered || (c.expect() == FuzzCase.Expect.ANSWERED && events.size() != answered)) {
            findings.add(
                    Findings.AUDIT_ANSWERED,
                    c,
                    o,
                    answered + " answer(s) past the anonymous endpoints, " + events.size() + " audit event(s) "
                            + events.stream()
                                    .map(e -> e.responseCode() + " " + e.requestUri())
                                    .toList());
        }
        Map<String, Long> perId = count(events, AuditEvent::requestUri);
        perId.forEach((id, n) -> {
            if (n > 1) {
                findings.add(Findings.AUDIT_ANSWERED, c, o, n + " audit events for the one request fz=" + id);
            }
        });
    }

    private static java.util.Optional<String> idOf(String uri) {
        Matcher m = ID.matcher(uri);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static <T> Map<String, Long> count(List<T> items, Function<T, String> uri) {
        return items.stream()
                .map(i -> ID.matcher(uri.apply(i)))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    /** Whether {@code condition} holds within {@code limit}, polled briefly. */
    static boolean within(Duration limit, Callable<Boolean> condition) {
        try {
            await().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(3))
                    .atMost(limit)
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
