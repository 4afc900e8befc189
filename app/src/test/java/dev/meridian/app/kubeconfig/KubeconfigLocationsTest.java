package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLocationsTest {
    @TempDir
    Path home;

    @Test
    void homeConfigWhenKubeconfigIsUnsetOrBlank() {
        assertThat(KubeconfigLocations.of(Map.of(), home).files()).containsExactly(home.resolve(".kube/config"));
        assertThat(KubeconfigLocations.of(Map.of("KUBECONFIG", " "), home).files())
                .containsExactly(home.resolve(".kube/config"));
    }

    @Test
    void kubeconfigListDropsEmptyEntriesAndDuplicates() {
        String list = home.resolve("a") + "::" + home.resolve("b") + ":" + home.resolve("a");
        assertThat(KubeconfigLocations.of(Map.of("KUBECONFIG", list), home).files())
                .containsExactly(home.resolve("a"), home.resolve("b"));
    }

    @Test
    void explicitFileOverridesTheList() {
        KubeconfigLocations locations = KubeconfigLocations.of(
                        Map.of("KUBECONFIG", home.resolve("a").toString()), home)
                .withExplicitFile(home.resolve("x"));
        assertThat(locations.files()).containsExactly(home.resolve("x"));
        assertThat(locations.defaultFile()).isEqualTo(home.resolve("x"));
    }

    @Test
    void defaultFileIsTheFirstExistingElseTheLast() throws Exception {
        Path a = home.resolve("a");
        Path b = home.resolve("b");
        Path c = home.resolve("c");
        KubeconfigLocations locations = Fixtures.locations(home, List.of(a, b, c));
        assertThat(locations.defaultFile()).isEqualTo(c);
        Files.writeString(b, "");
        assertThat(locations.defaultFile()).isEqualTo(b);
    }
}
