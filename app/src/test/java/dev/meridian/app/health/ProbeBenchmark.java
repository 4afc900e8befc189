package dev.meridian.app.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Probes a fleet of loopback endpoints (healthy, slow, never answering, closed) with the default
 * settings and prints the wall time next to baselines measured in the same run. Not a test: run with
 * {@code ./mvnw -o -pl app -am -Pbench verify} (or {@code exec:java} with the test class path).
 *
 * <p>Arguments: {@code [endpoints=500] [keys=ec,rsa]}: server keys EC P-256 and/or RSA 2048 (cert-manager's
 * and kubeadm's default). The servers run in this JVM, so their CPU is billed to the same cores.
 */
public final class ProbeBenchmark {
    private static final Duration SLOW_DELAY = Duration.ofMillis(1200);

    private ProbeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String keys = args.length > 1 ? args[1] : "ec,rsa";
        for (String key : keys.split(",")) {
            run(total, key.strip());
        }
    }

    private static void run(int total, String keyType) throws Exception {
        int slow = total / 10;
        int dead = total / 20;
        int closed = total / 20;
        int healthy = total - slow - dead - closed;
        TestPki.Identity ca = TestPki.ca("Bench CA");
        TestPki.Builder leafBuilder = ca.leaf("agent").sans("127.0.0.1");
        TestPki.Identity leaf = (keyType.equals("rsa") ? leafBuilder.rsa() : leafBuilder).issue();
        ProbeSettings settings = ProbeSettings.defaults();

        try (LoopbackServers servers = new LoopbackServers();
                Prober prober = Prober.create(settings)) {
            List<ProbeTarget> healthyTargets = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                healthyTargets.add(target(servers.https(leaf, 200), ca));
            }
            List<ProbeTarget> mixed = new ArrayList<>(healthyTargets.subList(0, healthy));
            for (int i = 0; i < slow; i++) {
                mixed.add(target(servers.https(leaf, 200, SLOW_DELAY), ca));
            }
            for (int i = 0; i < dead; i++) {
                mixed.add(target(servers.neverAnswering(), ca));
            }
            for (int i = 0; i < closed; i++) {
                mixed.add(target(LoopbackServers.closedPort(), ca));
            }
            Collections.shuffle(mixed, new Random(42));

            // Warm-up so that JIT compilation is not billed to whichever measurement runs first.
            prober.probeAll(keyed(healthyTargets.subList(0, Math.min(200, total))));

            int sampleSize = Math.min(100, total);
            long t0 = System.nanoTime();
            for (ProbeTarget target : healthyTargets.subList(0, sampleSize)) {
                prober.probe(target);
            }
            double perProbeMs = (System.nanoTime() - t0) / 1e6 / sampleSize;

            Map<String, Long> threadCpu1 = cpuByThreadKind();
            long cpu1 = processCpuNanos();
            long t1 = System.nanoTime();
            Map<String, ProbeResult> healthyResults = prober.probeAll(keyed(healthyTargets));
            double healthyWallMs = (System.nanoTime() - t1) / 1e6;
            double cpuPerProbeMs = (processCpuNanos() - cpu1) / 1e6 / total;
            Map<String, Long> threadCpu2 = cpuByThreadKind();
            double proberCpuMs =
                    (threadCpu2.getOrDefault("prober", 0L) - threadCpu1.getOrDefault("prober", 0L)) / 1e6 / total;
            double serverCpuMs =
                    (threadCpu2.getOrDefault("server", 0L) - threadCpu1.getOrDefault("server", 0L)) / 1e6 / total;

            long t2 = System.nanoTime();
            Map<String, ProbeResult> mixedResults = prober.probeAll(keyed(mixed));
            double mixedWallMs = (System.nanoTime() - t2) / 1e6;
            long probeThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().matches("meridian-probe-\\d+"))
                    .count();

            System.out.printf(
                    "%n== server key %s ==%nendpoints: %d (healthy %d, slow %d ms x %d, never answering %d,"
                            + " closed %d)%n",
                    keyType.toUpperCase(java.util.Locale.ROOT),
                    total,
                    healthy,
                    SLOW_DELAY.toMillis(),
                    slow,
                    dead,
                    closed);
            System.out.printf(
                    "settings: timeout %d ms, slow threshold %d ms, max concurrency %d; probe threads alive: %d%n",
                    settings.timeout().toMillis(),
                    settings.slowThreshold().toMillis(),
                    settings.maxConcurrency(),
                    probeThreads);
            System.out.printf(
                    "baseline  one probe, sequential (mean of %d): %.1f ms -> x%d sequential = %.0f ms,"
                            + " ideal /%d threads = %.0f ms%n",
                    sampleSize,
                    perProbeMs,
                    total,
                    perProbeMs * total,
                    settings.maxConcurrency(),
                    perProbeMs * total / settings.maxConcurrency());
            System.out.printf(
                    "baseline  %d healthy endpoints, probeAll: %.0f ms (%s); CPU per probe, client and"
                            + " server together: %.1f ms (prober threads %.1f ms, server threads %.1f ms) on %d cores"
                            + " (load average %.1f)%n",
                    total,
                    healthyWallMs,
                    verdictCounts(healthyResults),
                    cpuPerProbeMs,
                    proberCpuMs,
                    serverCpuMs,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            System.out.printf(
                    "measured  %d mixed endpoints, probeAll: %.0f ms (%s)%n",
                    total, mixedWallMs, verdictCounts(mixedResults));
            System.out.printf(
                    "ratios    mixed / healthy probeAll = %.2f; mixed / sequential estimate = %.3f;"
                            + " floor set by the %d ms timeout of dead endpoints%n",
                    mixedWallMs / healthyWallMs,
                    mixedWallMs / (perProbeMs * total),
                    settings.timeout().toMillis());
            System.out.printf("target    mixed wall < 5000 ms: %s%n", mixedWallMs < 5000 ? "met" : "NOT met");
        }
    }

    /** CPU time of live threads, by kind; pool threads outlive one run (idle timeouts of 30 s and more). */
    private static Map<String, Long> cpuByThreadKind() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> sums = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String kind = thread.getName().startsWith("meridian-probe")
                    ? "prober"
                    : thread.getName().startsWith("loopback-server") ? "server" : "other";
            long cpu = mx.getThreadCpuTime(thread.getId());
            if (cpu > 0) {
                sums.merge(kind, cpu, Long::sum);
            }
        }
        return sums;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static ProbeTarget target(int port, TestPki.Identity ca) {
        return ProbeTarget.forEndpoint("127.0.0.1:" + port, ca.asCaData());
    }

    private static Map<String, ProbeTarget> keyed(List<ProbeTarget> targets) {
        Map<String, ProbeTarget> keyed = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            keyed.put("cluster-" + i, targets.get(i));
        }
        return keyed;
    }

    private static String verdictCounts(Map<String, ProbeResult> results) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ProbeResult result : results.values()) {
            String name = result.verdict() instanceof Verdict.Down down
                    ? "DOWN " + down.cause().getClass().getSimpleName()
                    : result.verdict().label();
            counts.merge(name, 1, Integer::sum);
        }
        return counts.toString();
    }
}
