package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM killed with SIGKILL at random points leaves the kubeconfig (and its backup)
 * either as it was before a write or as it is after, never torn.
 */
class CrashSafetyTest {
    private static final int KILLS = 5;

    @TempDir
    Path home;

    @Test
    void killedWriterLeavesOldOrNewVersionNeverTorn() throws Exception {
        Path file = Fixtures.write(home.resolve("kube/config"), bigForeignKubeconfig());
        Set<String> versions = possibleVersions(Fixtures.read(file));
        Random random = new Random();
        int staleLocks = 0;
        for (int round = 0; round < KILLS; round++) {
            int writesBeforeKill = 1 + random.nextInt(12);
            Process writer = startWriter(file);
            AtomicInteger writes = countLines(writer);
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> writes.get() >= writesBeforeKill || !writer.isAlive());
                assertThat(writer.isAlive())
                        .withFailMessage("writer died on its own: %s", errorOf(writer))
                        .isTrue();
            } finally {
                writer.destroyForcibly();
                writer.waitFor();
            }

            String content = Fixtures.read(file);
            assertThat(versions)
                    .withFailMessage("round %d: kubeconfig torn after SIGKILL:%n%s", round, content)
                    .contains(content);
            if (Files.exists(KubeconfigStore.backupOf(file))) {
                assertThat(versions)
                        .withFailMessage("round %d: backup torn", round)
                        .contains(Fixtures.read(KubeconfigStore.backupOf(file)));
            }
            staleLocks += clearStaleLock(file);
        }
        System.out.printf(
                "crash safety: %d kills, %d stale locks cleared, files left: %s%n",
                KILLS, staleLocks, filesBeside(file));

        new KubeconfigService(Fixtures.locations(home, List.of(file))).switchTo("mgmt");
        assertThat(filesBeside(file))
                .withFailMessage("the next write removes what killed writers left")
                .isEqualTo("config, config.meridian.bak");
    }

    private static String filesBeside(Path file) throws IOException {
        try (Stream<Path> left = Files.list(file.getParent())) {
            return left.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        }
    }

    /** A kill while the lock is held leaves it, as with kubectl: we say so, and the user removes it. */
    private int clearStaleLock(Path file) throws IOException {
        Path lock = FileLock.lockFileOf(file);
        if (!Files.exists(lock)) {
            return 0;
        }
        KubeconfigService service = new KubeconfigService(
                Fixtures.locations(home, List.of(file)),
                PreviousContextStore.inHome(home),
                new YamlCodec(),
                Duration.ofMillis(20),
                loaded -> {});
        assertThatThrownBy(() -> service.switchTo("mgmt"))
                .isInstanceOf(KubeconfigException.Locked.class)
                .hasMessageContaining(lock.toString());
        Files.delete(lock);
        return 1;
    }

    private Set<String> possibleVersions(String original) throws IOException {
        Path scratch = Fixtures.write(home.resolve("scratch/config"), original);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(scratch)));
        ManagementAccess access = service.managementAccess("mgmt");
        service.writeAndSwitch(KubeconfigWriterMain.spec(true, access));
        String first = Fixtures.read(scratch);
        service.writeAndSwitch(KubeconfigWriterMain.spec(false, access));
        String second = Fixtures.read(scratch);
        service.writeAndSwitch(KubeconfigWriterMain.spec(true, access));
        assertThat(Fixtures.read(scratch))
                .withFailMessage("writes are not deterministic")
                .isEqualTo(first);
        return Set.of(original, first, second);
    }

    private Process startWriter(Path file) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                KubeconfigWriterMain.class.getName(),
                file.toString(),
                home.toString());
        builder.environment().put("HOME", home.toString());
        builder.redirectError(home.resolve("writer.err").toFile());
        return builder.start();
    }

    private String errorOf(Process writer) {
        try {
            return Files.readString(home.resolve("writer.err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static AtomicInteger countLines(Process process) {
        AtomicInteger lines = new AtomicInteger();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        while (in.readLine() != null) {
                            lines.incrementAndGet();
                        }
                    } catch (IOException ignored) {
                        // the process was killed
                    }
                },
                "writer-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** About 150 KB of foreign entries, so that a write takes long enough to be cut in the middle. */
    private static String bigForeignKubeconfig() {
        StringBuilder out = new StringBuilder(Fixtures.management("management-token"));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            out.append("x-foreign-").append(i).append(":\n");
            for (int j = 0; j < 50; j++) {
                out.append("  key-")
                        .append(j)
                        .append(": ")
                        .append(Long.toHexString(random.nextLong()))
                        .append(Long.toHexString(random.nextLong()))
                        .append(Long.toHexString(random.nextLong()))
                        .append('\n');
            }
        }
        return out.toString();
    }
}
