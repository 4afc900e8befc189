package dev.meridian.app.sandbox;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to start: the folder for the sandbox's kubeconfig, certificates and audit logs, the
 * connected clusters, and the simulated one-way delay of each hop ({@code central} is the
 * hop to the gateway).
 */
public record SandboxOptions(Path directory, List<String> clusters, Map<String, Duration> latency) {
    public static final List<String> DEFAULT_CLUSTERS = List.of("eu-west", "us-east", "ap-south");
    public static final String CENTRAL = "central";

    public SandboxOptions {
        clusters = List.copyOf(clusters);
        latency = Map.copyOf(latency);
        if (clusters.isEmpty()) {
            throw new InvalidInput("The sandbox needs at least one cluster.");
        }
        for (String cluster : clusters) {
            // The names 'meridian cluster connect' accepts, so the sandbox's clusters are clusters like any other.
            if (!dev.meridian.app.core.DnsLabels.isLabel(cluster)) {
                throw new InvalidInput("--clusters: '" + cluster + "' is not a cluster name: use "
                        + dev.meridian.app.core.DnsLabels.RULE + ".");
            }
        }
        if (clusters.stream().distinct().count() < clusters.size()) {
            throw new InvalidInput("--clusters names a cluster twice: " + clusters + ".");
        }
        for (String hop : latency.keySet()) {
            if (!hop.equals(CENTRAL) && !clusters.contains(hop)) {
                throw new InvalidInput("--latency names '" + hop + "', which is neither 'central' nor one of the "
                        + "sandbox clusters " + clusters + ".");
            }
        }
    }

    /** Where the sandbox keeps its files: $XDG_STATE_HOME/meridian/sandbox, else ~/.local/state/meridian/sandbox. */
    public static Path defaultDirectory(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : home.resolve(".local/state");
        return base.resolve("meridian").resolve("sandbox");
    }

    /** The kubeconfig the sandbox writes once it runs, with the context {@link Sandbox#CONTEXT}. */
    public Path kubeconfig() {
        return directory.resolve("kubeconfig");
    }

    public Duration latencyOf(String hop) {
        return latency.getOrDefault(hop, Duration.ZERO);
    }

    /** Parses {@code central=120ms,eu-west=15ms} (units ms or s). */
    public static Map<String, Duration> parseLatency(String spec) {
        Map<String, Duration> latency = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return latency;
        }
        for (String part : spec.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2 || !pair[1].strip().matches("\\d{1,5}(ms|s)")) {
                throw new InvalidInput("Cannot read latency '" + part.strip() + "': write HOP=DELAY with the delay in "
                        + "ms or s, e.g. central=120ms,eu-west=15ms.");
            }
            String value = pair[1].strip();
            Duration delay = value.endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(value.replace("ms", "")))
                    : Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            latency.put(pair[0].strip(), delay);
        }
        return latency;
    }
}
