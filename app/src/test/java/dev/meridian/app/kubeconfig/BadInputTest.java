package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear error, and every file stays exactly as it was. */
class BadInputTest {
    @TempDir
    Path home;

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                Arguments.of(Named.of("malformed YAML", "apiVersion: v1\nclusters: [\n- name: x\n"), "cannot parse"),
                Arguments.of(Named.of("tab indentation", "apiVersion: v1\nclusters:\n\t- name: x\n"), "cannot parse"),
                Arguments.of(Named.of("a list at the top", "- a\n- b\n"), "not a valid kubeconfig"),
                Arguments.of(Named.of("clusters not a list", "clusters: 3\n"), "`clusters` is not a list"),
                Arguments.of(Named.of("an entry not a mapping", "users:\n- just-a-name\n"), "not a mapping"),
                Arguments.of(Named.of("duplicate keys", "kind: Config\nkind: Config\n"), "cannot parse"),
                Arguments.of(Named.of("not UTF-8", "kind: \u00ff\u00fe"), "not UTF-8"));
    }

    @ParameterizedTest
    @MethodSource("unreadableFiles")
    void unreadableFileIsRefusedAndLeftAlone(String content, String message) throws IOException {
        Path good = Fixtures.write(home.resolve("good.yaml"), Fixtures.management("t"));
        Path bad = home.resolve("bad.yaml");
        if (message.equals("not UTF-8")) {
            Files.write(bad, new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xff, (byte) 0xfe});
        } else {
            Fixtures.write(bad, content);
        }
        byte[] goodBefore = Files.readAllBytes(good);
        byte[] badBefore = Files.readAllBytes(bad);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(good, bad)));
        ManagementAccess access = new KubeconfigService(Fixtures.locations(home, List.of(good))).managementAccess(null);

        assertThatThrownBy(() -> service.writeAndSwitch(ContextSpec.of("eu-1", null, null, access)))
                .isInstanceOf(KubeconfigException.Unreadable.class)
                .hasMessageContaining(message)
                .hasMessageContaining(bad.toString())
                .satisfies(e -> assertThat(((KubeconfigException) e).file()).contains(bad));
        assertThat(Files.readAllBytes(good)).isEqualTo(goodBefore);
        assertThat(Files.readAllBytes(bad)).isEqualTo(badBefore);
        assertThat(Files.exists(KubeconfigStore.backupOf(good))).isFalse();
    }

    @Test
    void missingFileInKubeconfigListIsSkippedAndNotCreated() {
        Path missing = home.resolve("missing.yaml");
        Path present = Fixtures.write(home.resolve("present.yaml"), Fixtures.management("t"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(missing, present)));

        service.writeAndSwitch(ContextSpec.of("eu-1", null, null, service.managementAccess(null)));

        assertThat(missing).doesNotExist();
        assertThat(service.currentContext()).contains("meridian_eu-1");
    }

    @Test
    void explicitMissingFileIsAnError() {
        KubeconfigService service = new KubeconfigService(
                KubeconfigLocations.of(Map.of(), home).withExplicitFile(home.resolve("nope.yaml")));

        assertThatThrownBy(() -> service.switchTo("x"))
                .isInstanceOf(KubeconfigException.Unreadable.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void readOnlyFileIsRefusedUntouched() throws IOException {
        Path file = Fixtures.write(home.resolve("config"), Fixtures.resource("foreign.yaml"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        assertThatThrownBy(() -> service.switchTo("minikube"))
                .isInstanceOf(KubeconfigException.Unwritable.class)
                .hasMessageContaining("read-only");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("r--r--r--");
    }

    @Test
    void directoryWhereTheFileShouldBeIsRefused() throws IOException {
        Path dir = Files.createDirectories(home.resolve("config"));
        Files.writeString(dir.resolve("inside"), "keep");
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(dir)));

        assertThatThrownBy(service::contextNames)
                .isInstanceOf(KubeconfigException.Unreadable.class)
                .hasMessageContaining("is a directory");
        assertThat(Files.readString(dir.resolve("inside"))).isEqualTo("keep");
    }

    @Test
    void hugeFileIsRefusedBeforeParsing() throws IOException {
        Path file = home.resolve("config");
        byte[] big = new byte[YamlCodec.DEFAULT_MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');
        Files.write(file, big);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        assertThatThrownBy(service::contextNames)
                .isInstanceOf(KubeconfigException.Unreadable.class)
                .hasMessageContaining("bytes");
        assertThat(Files.size(file)).isEqualTo(big.length);
    }

    @Test
    void missingFolderForTheFirstFileIsAnError() {
        Path file = home.resolve("no/such/folder/config");
        Path mgmt = Fixtures.write(home.resolve("mgmt.yaml"), Fixtures.management("t"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        ManagementAccess access = new KubeconfigService(Fixtures.locations(home, List.of(mgmt))).managementAccess(null);

        assertThatThrownBy(() -> service.write(ContextSpec.of("eu-1", null, null, access)))
                .isInstanceOf(KubeconfigException.Unwritable.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void heldLockIsReportedWithTheWayOut() throws IOException {
        Path file = Fixtures.write(home.resolve("config"), Fixtures.resource("foreign.yaml"));
        Files.createFile(FileLock.lockFileOf(file));
        byte[] before = Files.readAllBytes(file);
        KubeconfigService service = new KubeconfigService(
                Fixtures.locations(home, List.of(file)),
                PreviousContextStore.inHome(home),
                new YamlCodec(),
                Duration.ofMillis(50),
                loaded -> {});

        assertThatThrownBy(() -> service.switchTo("minikube"))
                .isInstanceOf(KubeconfigException.Locked.class)
                .hasMessageContaining("delete that file");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void writeIsRefusedWhenTheFileChangedSinceItWasRead() {
        Path file = Fixtures.write(home.resolve("config"), Fixtures.resource("foreign.yaml"));
        String otherVersion = Fixtures.resource("foreign.yaml").replace("colors: true", "colors: false");
        KubeconfigService service = new KubeconfigService(
                Fixtures.locations(home, List.of(file)),
                PreviousContextStore.inHome(home),
                new YamlCodec(),
                Duration.ofSeconds(1),
                loaded -> Fixtures.write(file, otherVersion));
        ManagementAccess access = service.managementAccess(null);

        assertThatThrownBy(() -> service.writeAndSwitch(ContextSpec.of("eu-1", null, null, access)))
                .isInstanceOf(KubeconfigException.Conflict.class)
                .hasMessageContaining("changed while");
        assertThat(Fixtures.read(file)).isEqualTo(otherVersion);
    }

    @Test
    void switchIsReappliedOnceWhenTheFileChangedSinceItWasRead() {
        Path file = Fixtures.write(home.resolve("config"), Fixtures.resource("foreign.yaml"));
        String otherVersion = Fixtures.resource("foreign.yaml").replace("colors: true", "colors: false");
        int[] calls = {0};
        KubeconfigService service = new KubeconfigService(
                Fixtures.locations(home, List.of(file)),
                PreviousContextStore.inHome(home),
                new YamlCodec(),
                Duration.ofSeconds(1),
                loaded -> {
                    if (calls[0]++ == 0) {
                        Fixtures.write(file, otherVersion);
                    }
                });

        SwitchOutcome outcome = service.switchTo("minikube");

        assertThat(outcome).isInstanceOf(SwitchOutcome.Switched.class);
        assertThat(Fixtures.read(file)).contains("colors: false").contains("current-context: minikube");
    }

    @Test
    void switchToAMissingContextWritesNothing() {
        Path file = Fixtures.write(home.resolve("config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        assertThat(service.switchTo("nope")).isEqualTo(new SwitchOutcome.NoSuchContext("nope"));
        assertThat(service.switchBack()).isEqualTo(new SwitchOutcome.NoPreviousContext());
        assertThat(Fixtures.read(file)).isEqualTo(Fixtures.resource("foreign.yaml"));
    }
}
