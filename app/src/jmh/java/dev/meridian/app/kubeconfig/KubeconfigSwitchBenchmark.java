package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Time to switch the current context in a kubeconfig with 2,000 contexts (each with its
 * cluster, optionally a CA, and a user), against a baseline measured in the same run: reading the
 * same file and parsing and dumping it with the same YAML settings, which any lossless editor
 * has to do. Target: a switch under 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KubeconfigSwitchBenchmark {
    @Param("2000")
    public int contexts;

    /** Size of each cluster's CA before base64: 0 for a lean file, 768 for a typical cloud one. */
    @Param({"0", "768"})
    public int caBytes;

    private Path folder;
    private Path file;
    private KubeconfigService service;
    private YamlCodec codec;
    private ContextSpec spec;
    private int flip;

    @Setup(Level.Trial)
    public void createKubeconfig() throws IOException {
        folder = Files.createTempDirectory("meridian-bench-");
        file = folder.resolve("config");
        Files.writeString(file, bigKubeconfig(contexts, caBytes));
        service = new KubeconfigService(KubeconfigLocations.of(Map.of("KUBECONFIG", file.toString()), folder));
        codec = new YamlCodec();
        spec = ContextSpec.of(
                "eu-1", new DirectEndpoint("eu-1.example.com", false, null), null, service.managementAccess("ctx-0"));
        System.out.printf("%nkubeconfig: %d contexts, %d bytes%n", contexts, Files.size(file));
    }

    @TearDown(Level.Trial)
    public void removeKubeconfig() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Baseline: read, parse with comments, dump; no lock, no backup, no write. */
    @Benchmark
    public String baselineReadParseDump() throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Node root = codec.parse(text, file);
        return codec.dump(root);
    }

    /**
     * {@code meridian use NAME} in a long-lived process (the desktop app): read the file, find
     * it unchanged since the last parse, check the context, rewrite the current-context line,
     * locked atomic write with backup and fsyncs.
     */
    @Benchmark
    public SwitchOutcome switchContext() {
        flip ^= 1;
        return service.switchTo("ctx-" + (1 + flip));
    }

    /**
     * The same switch by a fresh engine, as a one-shot CLI process does: nothing parsed yet, so
     * the file is parsed in full before its current-context line is rewritten.
     */
    @Benchmark
    public SwitchOutcome switchContextFreshEngine() {
        flip ^= 1;
        return new KubeconfigService(service.locations()).switchTo("ctx-" + (1 + flip));
    }

    /** {@code meridian cluster use}: write a Meridian context's three entries and switch to it. */
    @Benchmark
    public WriteResult writeAndSwitch() {
        flip ^= 1;
        return service.writeAndSwitch(
                flip == 0 ? spec : ContextSpec.of("eu-1", null, null, service.managementAccess("ctx-0")));
    }

    static String bigKubeconfig(int contexts, int caBytes) {
        byte[] ca = new byte[caBytes];
        new java.util.Random(1).nextBytes(ca);
        String caData = Base64.getEncoder().encodeToString(ca);
        StringBuilder out = new StringBuilder("apiVersion: v1\nclusters:\n");
        for (int i = 0; i < contexts; i++) {
            out.append("- cluster:\n");
            if (caBytes > 0) {
                out.append("    certificate-authority-data: ").append(caData).append('\n');
            }
            out.append("    server: https://cluster-")
                    .append(i)
                    .append(".example.com:6443\n  name: cluster-")
                    .append(i)
                    .append('\n');
        }
        out.append("contexts:\n");
        for (int i = 0; i < contexts; i++) {
            out.append("- context:\n    cluster: cluster-")
                    .append(i)
                    .append("\n    namespace: ns-")
                    .append(i)
                    .append("\n    user: user-")
                    .append(i)
                    .append("\n  name: ctx-")
                    .append(i)
                    .append('\n');
        }
        out.append("current-context: ctx-0\nkind: Config\npreferences: {}\nusers:\n");
        for (int i = 0; i < contexts; i++) {
            out.append("- name: user-")
                    .append(i)
                    .append("\n  user:\n    token: token-")
                    .append(i)
                    .append('\n');
        }
        return out.toString();
    }
}
