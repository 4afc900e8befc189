package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context listing the plane picker shows: kubectl's merge, and a broken file a problem, not a failure. */
class ContextListTest {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** The listing of the kubeconfig made of {@code files}, in this order, as $KUBECONFIG lists them. */
    private ContextList read(List<Path> files) {
        String variable = files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return new KubeconfigService(KubeconfigLocations.of(Map.of("KUBECONFIG", variable), dir.resolve("home")))
                .listContexts();
    }

    @Test
    void mergesContextsInFileOrderAndTakesTheFirstCurrentContext() throws IOException {
        Path first = file("a", """
                contexts:
                - name: mgmt
                  context: {cluster: c, user: u}
                - name: dev
                  context: {cluster: c, user: u}
                """);
        Path second = file("b", """
                current-context: prod
                contexts:
                - name: prod
                  context: {cluster: c, user: u}
                - name: dev
                  context: {cluster: other, user: u}
                """);

        ContextList read = read(List.of(first, dir.resolve("missing"), second));

        assertThat(read.names()).containsExactly("mgmt", "dev", "prod");
        assertThat(read.current()).contains("prod");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void aBrokenFileIsAProblemNotAFailure() throws IOException {
        Path broken = file("broken", "contexts: [ {name: x\n");
        Path good = file("good", "contexts:\n- name: ok\n");

        ContextList read = read(List.of(broken, good));

        assertThat(read.names()).containsExactly("ok");
        assertThat(read.problems()).singleElement().asString().contains(broken.toString());
    }

    @Test
    void noFilesMeansNoContexts() {
        ContextList read = read(List.of(dir.resolve("nope")));

        assertThat(read.isEmpty()).isTrue();
        assertThat(read.current()).isEmpty();
    }
}
