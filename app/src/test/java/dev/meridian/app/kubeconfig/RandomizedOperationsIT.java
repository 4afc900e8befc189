package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of random sequences of Meridian operations (cluster use, space use, space create,
 * endpoint changes, switches, switching back) against kubeconfigs full of foreign entries,
 * while another writer (in-process, and now and then the real kubectl) rewrites the files
 * between our read and our write and between operations. After every step: every file
 * parses, and no foreign entry (nor any other part Meridian does not own) changed.
 */
class RandomizedOperationsIT {
    private static final int SEQUENCES = Integer.getInteger("kubeconfig.sequences", 2000);
    /** Keeps the suite's running time bounded on a busy machine; a quiet one runs all sequences. */
    private static final Duration BUDGET = Duration.ofSeconds(50);

    private static final List<String> CLUSTERS = List.of("eu-1", "us-2", "ap-3");
    private static final List<String> SPACES = List.of("team-a", "team-b");

    @TempDir
    Path home;

    private final Map<Path, Map<String, Object>> expectedForeign = new HashMap<>();
    private Random random;
    private List<Path> files;
    private int generation;
    private int interferenceChance;
    private int conflicts;
    private int kubectlRuns;
    private KubeconfigService service;
    private Path scratch;

    @Test
    void foreignEntriesSurviveRandomOperationsWithConcurrentWriters() throws IOException {
        long seed = Long.getLong("kubeconfig.seed", System.nanoTime());
        long started = System.nanoTime();
        random = new Random(seed);
        int operations = 0;
        int sequence = 0;
        for (; sequence < SEQUENCES && System.nanoTime() - started < BUDGET.toNanos(); sequence++) {
            if (sequence % 100 == 0) {
                freshFiles(sequence);
            }
            ManagementAccess access = service.managementAccess("mgmt");
            int length = 1 + random.nextInt(4);
            for (int step = 0; step < length; step++) {
                String done = runRandomOperation(service, access);
                operations++;
                assertInvariants("seed " + seed + ", sequence " + sequence + ", step " + step + " (" + done + ")");
                maybeInterfere();
            }
        }
        System.out.printf(
                "randomized (seed %d): %d sequences, %d operations, %d conflicts refused, %d kubectl "
                        + "rewrites in %d ms%n",
                seed, SEQUENCES, operations, conflicts, kubectlRuns, (System.nanoTime() - started) / 1_000_000);
        assertThat(conflicts)
                .withFailMessage("the concurrent writer never caused a conflict")
                .isPositive();
        assertThat(sequence)
                .withFailMessage(
                        "only %d sequences ran within %s; the machine is too busy for this test " + "to mean much",
                        sequence, BUDGET)
                .isGreaterThanOrEqualTo(Math.min(SEQUENCES, 200));
    }

    private void freshFiles(int sequence) throws IOException {
        int count = 1 + random.nextInt(3);
        Path dir = Files.createDirectories(scratch().resolve("set-" + sequence));
        files = new ArrayList<>();
        int management = random.nextInt(count);
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("config-" + i);
            Files.writeString(file, ForeignKubeconfigs.generate(random, "f" + i, i == management));
            files.add(file);
        }
        expectedForeign.clear();
        for (Path file : files) {
            expectedForeign.put(file, ForeignKubeconfigs.foreignProjection(Files.readString(file)));
        }
        interferenceChance = 5 + random.nextInt(25);
        // One engine per file set, as in the desktop app: its parsed trees are reused between
        // operations whenever the files still hold the bytes they came from.
        service = new KubeconfigService(
                Fixtures.locations(home, files),
                PreviousContextStore.inHome(dir),
                new YamlCodec(),
                Duration.ofSeconds(2),
                loaded -> maybeInterfere());
    }

    /**
     * A folder on tmpfs when there is one: the same rename and lock semantics, without waiting
     * for a disk on each of the thousands of fsyncs.
     */
    private Path scratch() throws IOException {
        if (scratch == null) {
            Path shm = Path.of("/dev/shm");
            scratch = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "meridian-kubeconfig-")
                    : home;
        }
        return scratch;
    }

    @AfterEach
    void removeScratch() throws IOException {
        if (scratch != null && !scratch.equals(home)) {
            try (var paths = Files.walk(scratch)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private String runRandomOperation(KubeconfigService service, ManagementAccess access) {
        String cluster = CLUSTERS.get(random.nextInt(CLUSTERS.size()));
        DirectEndpoint direct = random.nextBoolean()
                ? null
                : new DirectEndpoint(
                        cluster + "-" + random.nextInt(3) + ".example.com",
                        random.nextBoolean(),
                        random.nextBoolean() ? "Y2E=" : null);
        String space = SPACES.get(random.nextInt(SPACES.size()));
        String before = service.currentContext().orElse(null);
        try {
            switch (random.nextInt(7)) {
                case 0 -> {
                    ContextSpec spec = ContextSpec.of(cluster, direct, null, access);
                    service.writeAndSwitch(spec);
                    assertSwitchedTo(service, spec);
                    return "cluster use " + cluster;
                }
                case 1 -> {
                    ContextSpec spec = ContextSpec.of(cluster, direct, space, access);
                    service.writeAndSwitch(spec);
                    assertSwitchedTo(service, spec);
                    return "space use " + space;
                }
                case 2 -> {
                    ContextSpec spec = ContextSpec.of(cluster, direct, space, access);
                    service.write(spec);
                    service.switchTo(spec.name());
                    return "space create " + space;
                }
                case 3 -> {
                    service.write(ContextSpec.of(cluster, direct, random.nextBoolean() ? null : space, access));
                    assertThat(service.currentContext().orElse(null))
                            .withFailMessage("a write without switch moved " + "current-context")
                            .isEqualTo(before);
                    return "endpoint change " + cluster;
                }
                case 4 -> {
                    List<String> names = service.contextNames();
                    String target = names.get(random.nextInt(names.size()));
                    service.switchTo(target);
                    return "use " + target;
                }
                case 5 -> {
                    service.switchBack();
                    return "use -";
                }
                default -> {
                    service.meridianContexts()
                            .forEach(c -> assertThat(c.server()).isNotNull());
                    return "context list";
                }
            }
        } catch (KubeconfigException.Conflict e) {
            conflicts++;
            return "refused: " + e.getMessage();
        }
    }

    private void assertSwitchedTo(KubeconfigService service, ContextSpec spec) {
        assertThat(service.currentContext()).contains(spec.name());
        MeridianContext listed = service.meridianContexts().stream()
                .filter(c -> c.name().equals(spec.name()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.server()).isEqualTo(spec.server());
        assertThat(listed.namespace()).isEqualTo(spec.space());
    }

    private void assertInvariants(String where) throws IOException {
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String text = Files.readString(file);
            // The projection parses the whole file: a file that does not parse fails here.
            assertThat(ForeignKubeconfigs.foreignProjection(text))
                    .withFailMessage("%s: foreign content of %s changed:%n%s", where, file, text)
                    .isEqualTo(expectedForeign.get(file));
        }
    }

    /** Another writer, holding kubectl's lock as kubectl does, rewrites one file. */
    private void maybeInterfere() {
        if (random.nextInt(100) >= interferenceChance) {
            return;
        }
        Path file = files.get(random.nextInt(files.size()));
        generation++;
        try {
            if (random.nextInt(40) == 0) {
                kubectlRuns++;
                Kubectl.forFiles(home, files)
                        .ok(
                                "config",
                                "set-cluster",
                                "kubectl-" + generation,
                                "--server=https://kubectl-" + generation + ".example.com");
                for (Path f : files) {
                    if (Files.exists(f)) {
                        expectedForeign.put(f, ForeignKubeconfigs.foreignProjection(Files.readString(f)));
                    }
                }
                return;
            }
            FileLock lock = FileLock.acquire(file, Duration.ofSeconds(2));
            try {
                String rewritten = ForeignKubeconfigs.rewriteAsAnotherTool(Files.readString(file), random, generation);
                Files.writeString(file, rewritten);
                expectedForeign.put(file, ForeignKubeconfigs.foreignProjection(rewritten));
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
