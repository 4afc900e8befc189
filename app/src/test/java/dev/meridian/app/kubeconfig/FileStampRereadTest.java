package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine reads a kubeconfig's bytes again only when the file may have changed: a file that has
 * been still since it was read is known by its stamp; one changed within a tick of the file
 * system's clock is read every time; any change, even to the same size, is seen.
 */
class FileStampRereadTest {
    @TempDir
    Path dir;

    private static String config(String context) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://c.example.com
                users:
                - name: u
                  user:
                    token: t
                contexts:
                - name: %s
                  context:
                    cluster: c
                    user: u
                current-context: %s
                """.formatted(context, context);
    }

    /** Waits until the file has been still for longer than a tick of its file system's clock. */
    private static Path settled(Path file) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!FileStamp.of(file).settledAt(System.currentTimeMillis())) {
            assertThat(System.currentTimeMillis()).as("the file settles").isLessThan(deadline);
            Thread.sleep(20);
        }
        return file;
    }

    private KubeconfigService engine(CountingKubeconfig counting, Path file) {
        return counting.open(KubeconfigLocations.of(Map.of("KUBECONFIG", file.toString()), dir));
    }

    @Test
    void aFileStillSinceItWasReadIsNotReadAgain() throws Exception {
        Path file = settled(Files.writeString(dir.resolve("config"), config("alpha")));
        CountingKubeconfig counting = new CountingKubeconfig();
        KubeconfigService engine = engine(counting, file);

        assertThat(engine.contextNames()).containsExactly("alpha");
        assertThat(engine.currentContext()).contains("alpha");
        assertThat(engine.contextNames()).containsExactly("alpha");

        assertThat(counting.reads(file)).isEqualTo(1);
    }

    @Test
    void aChangeToTheSameSizeIsSeen() throws Exception {
        Path file = settled(Files.writeString(dir.resolve("config"), config("alpha")));
        CountingKubeconfig counting = new CountingKubeconfig();
        KubeconfigService engine = engine(counting, file);
        assertThat(engine.contextNames()).containsExactly("alpha");

        Files.writeString(file, config("gamma"));

        assertThat(engine.contextNames()).containsExactly("gamma");
        assertThat(engine.currentContext()).contains("gamma");
    }

    @Test
    void aFileWhoseTimesAreNotYetPastIsReadEveryTime() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), config("alpha"));
        // As just written: within a tick of the clock that stamps it, another write could leave the same times.
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        CountingKubeconfig counting = new CountingKubeconfig();
        KubeconfigService engine = engine(counting, file);

        engine.contextNames();
        engine.contextNames();

        assertThat(counting.reads(file)).isEqualTo(2);
    }
}
