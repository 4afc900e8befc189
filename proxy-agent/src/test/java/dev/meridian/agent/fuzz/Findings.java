package dev.meridian.agent.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Property violations found in a run, grouped by property and then by the mutations of the case
 * that showed them; the report gives, for each group, the smallest case as a reproducer.
 */
final class Findings {
    static final String HEALTHY =
            "the agent stays healthy: GET /healthz answers 200 and an authenticated request is forwarded";
    static final String IN_FLIGHT = "requests in flight return to zero";
    static final String UPSTREAM = "the upstream's connections return to their baseline (none left busy or open)";
    static final String CREDENTIALS =
            "no client credential, Impersonate-* or X-Remote-* header of the client reaches the upstream";
    static final String AUDIT_ANSWERED =
            "every answered request past the anonymous endpoints has exactly one audit event";
    static final String AUDIT_FORWARDED = "every request that reached the upstream has exactly one audit event";
    static final String ANSWERED = "a well-formed request is answered in full, without a hang";
    static final String FRAMING = "ambiguous framing (Content-Length with Transfer-Encoding) is refused with 400";
    static final String HANDLED = "every exception is handled by the agent: none reaches the end of a Netty pipeline";

    /** One violation; {@code c} and {@code outcome} are null for a check after the run. */
    record Finding(String property, FuzzCase c, Outcome outcome, String detail) {}

    private final Map<String, List<Finding>> byProperty = new LinkedHashMap<>();

    synchronized void add(String property, FuzzCase c, Outcome outcome, String detail) {
        byProperty.computeIfAbsent(property, p -> new ArrayList<>()).add(new Finding(property, c, outcome, detail));
    }

    synchronized boolean isEmpty() {
        return byProperty.isEmpty();
    }

    synchronized boolean has(String property) {
        return byProperty.containsKey(property);
    }

    synchronized String report(FuzzSeed seed, String stats) {
        StringBuilder out = new StringBuilder("The agent broke ")
                .append(byProperty.size())
                .append(" propert")
                .append(byProperty.size() == 1 ? "y" : "ies")
                .append(" (seed ")
                .append(seed.seed())
                .append(", -Dmeridian.fuzz.seed overrides it; ")
                .append(stats)
                .append("):\n");
        byProperty.forEach((property, found) -> {
            out.append("\n* ")
                    .append(property)
                    .append(": ")
                    .append(found.size())
                    .append(" finding(s)\n");
            found.stream()
                    .filter(f -> f.c() == null)
                    .forEach(f ->
                            out.append("  after the run: ").append(f.detail()).append('\n'));
            Map<String, List<Finding>> byKind = found.stream()
                    .filter(f -> f.c() != null)
                    .collect(Collectors.groupingBy(f -> f.c().kindText(), LinkedHashMap::new, Collectors.toList()));
            byKind.entrySet().stream()
                    .sorted(Comparator.comparingInt(e -> -e.getValue().size()))
                    .limit(8)
                    .forEach(e -> example(out, seed, e.getKey(), e.getValue()));
            if (byKind.size() > 8) {
                out.append("  ... and ").append(byKind.size() - 8).append(" more mutation kinds\n");
            }
        });
        return out.toString();
    }

    private static void example(StringBuilder out, FuzzSeed seed, String kind, List<Finding> found) {
        Finding smallest = found.stream()
                .min(Comparator.comparingInt(f -> f.c().sentBytes()))
                .orElseThrow();
        FuzzCase c = smallest.c();
        out.append("  - ")
                .append(kind)
                .append(" (")
                .append(found.size())
                .append(" case(s)); smallest ")
                .append(c.name())
                .append(", replay with ")
                .append(seed.replayHint(c.lane(), c.index()))
                .append('\n')
                .append("    ")
                .append(smallest.detail())
                .append("; ")
                .append(smallest.outcome().summary())
                .append('\n')
                .append(c.describe().indent(2));
    }
}
