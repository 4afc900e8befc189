package dev.meridian.app.ui.plane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeContextsTest {
    @TempDir
    Path dir;

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
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

        KubeContexts read = KubeContexts.read(List.of(first, dir.resolve("missing"), second));

        assertThat(read.names()).containsExactly("mgmt", "dev", "prod");
        assertThat(read.current()).contains("prod");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void aBrokenFileIsAProblemNotAFailure() throws IOException {
        Path broken = file("broken", "contexts: [ {name: x\n");
        Path good = file("good", "contexts:\n- name: ok\n");

        KubeContexts read = KubeContexts.read(List.of(broken, good));

        assertThat(read.names()).containsExactly("ok");
        assertThat(read.problems()).singleElement().asString().contains(broken.toString());
    }

    @Test
    void noFilesMeansNoContexts() {
        KubeContexts read = KubeContexts.read(List.of(dir.resolve("nope")));

        assertThat(read.isEmpty()).isTrue();
        assertThat(read.current()).isEmpty();
    }
}
