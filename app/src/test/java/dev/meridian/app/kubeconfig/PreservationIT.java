package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Everything Meridian does not own survives its writes. */
class PreservationIT {
    @TempDir
    Path home;

    @Test
    void foreignEntriesCommentsAndFieldsStayByteForByte() throws Exception {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        service.writeAndSwitch(ContextSpec.of(
                "eu-1",
                new DirectEndpoint("eu-1.example.com", false, "Y2E="),
                "team-a",
                service.managementAccess(null)));

        assertThat(Fixtures.read(file)).isEqualTo(Fixtures.resource("foreign.after-switch.yaml"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Fixtures.read(KubeconfigStore.backupOf(file))).isEqualTo(Fixtures.resource("foreign.yaml"));
    }

    @Test
    void rewritingAMeridianEntryKeepsItsPlaceAndTouchesNothingElse() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        ManagementAccess access = service.managementAccess(null);
        service.write(ContextSpec.of("eu-1", new DirectEndpoint("old.example.com", true, null), "team-a", access));

        service.writeAndSwitch(
                ContextSpec.of("eu-1", new DirectEndpoint("eu-1.example.com", false, "Y2E="), "team-a", access));

        assertThat(Fixtures.read(file)).isEqualTo(Fixtures.resource("foreign.after-switch.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "plain value         | current-context: mgmt\\n             | current-context: minikube\\n",
                "end-of-line comment | current-context: mgmt   # daily\\n   | current-context: minikube   # daily\\n",
                "quoted value        | current-context: 'mgmt'\\n           | current-context: minikube\\n",
                "CRLF line ends      | current-context: mgmt\\r\\n           | current-context: minikube\\r\\n"
            })
    void switchChangesOnlyTheCurrentContextLine(String layout, String line, String expectedLine) {
        String before = Fixtures.resource("foreign.yaml").replace("current-context: mgmt\n", unescape(line));
        Path file = Fixtures.write(home.resolve("kube/config"), before);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        service.switchTo("minikube");

        assertThat(Fixtures.read(file)).isEqualTo(before.replace(unescape(line), unescape(expectedLine)));
    }

    @Test
    void switchWithoutCurrentContextLineStillKeepsEveryEntry() {
        String before = Fixtures.resource("foreign.yaml").replace("current-context: mgmt\n", "");
        Path file = Fixtures.write(home.resolve("kube/config"), before);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        service.switchTo("minikube");

        assertThat(ForeignKubeconfigs.foreignProjection(Fixtures.read(file)))
                .isEqualTo(ForeignKubeconfigs.foreignProjection(before));
        assertThat(Kubectl.forFiles(home, List.of(file)).currentContext()).isEqualTo("minikube");
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\r", "\r");
    }

    @Test
    void indentedListsKeepTheirLayoutAndGainOnlyMeridianLines() {
        String before = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mgmt   # the platform
            cluster:
              server: "https://mgmt.example.com:8443"
              certificate-authority-data: bWdtdA==
        users:
          - name: admin
            user: {token: management-token}
        contexts:
          - name: mgmt
            context: {cluster: mgmt, user: admin}
        current-context: mgmt
        """;
        Path file = Fixtures.write(home.resolve("kube/config"), before);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        service.writeAndSwitch(ContextSpec.of("eu-1", null, null, service.managementAccess(null)));

        String meridianCluster = """
          - cluster:
              certificate-authority-data: bWdtdA==
              server: https://mgmt.example.com:8443/kubernetes/cluster/eu-1
            name: meridian_eu-1
        """;
        String meridianUser = """
          - user:
              token: management-token
            name: meridian_eu-1
        """;
        String meridianContext = """
          - context:
              cluster: meridian_eu-1
              user: meridian_eu-1
            name: meridian_eu-1
        """;
        assertThat(Fixtures.read(file))
                .isEqualTo(before.replace("users:\n", meridianCluster + "users:\n")
                        .replace("contexts:\n", meridianUser + "contexts:\n")
                        .replace("current-context: mgmt\n", meridianContext + "current-context: meridian_eu-1\n"));
        Kubectl kubectl = Kubectl.forFiles(home, List.of(file));
        assertThat(kubectl.currentContext()).isEqualTo("meridian_eu-1");
        assertThat(KubectlRoundTripIT.cluster(kubectl.minified("meridian_eu-1")))
                .containsEntry("server", "https://mgmt.example.com:8443/kubernetes/cluster/eu-1");
    }

    @Test
    void writingTheSameContextAgainWritesNoFile() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        ContextSpec spec = ContextSpec.of("eu-1", null, null, service.managementAccess(null));
        service.write(spec);

        WriteResult again = service.write(spec);

        assertThat(again.changedAnything()).isFalse();
    }
}
