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
class PreservationTest {
  @TempDir Path home;

  @Test
  void foreignEntriesCommentsAndFieldsStayByteForByte() throws Exception {
    Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
    KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

    service.writeAndSwitch(ContextSpec.of("eu-1", new DirectEndpoint("eu-1.example.com", false, "Y2E="), "team-a",
        service.managementAccess(null)));

    assertThat(Fixtures.read(file)).isEqualTo(Fixtures.resource("foreign.after-switch.yaml"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Fixtures.read(KubeconfigStore.backupOf(file))).isEqualTo(Fixtures.resource("foreign.yaml"));
  }

  @Test
  void rewritingAMeridianEntryKeepsItsPlaceAndTouchesNothingElse() {
    Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
    KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
    ManagementAccess access = service.managementAccess(null);
    service.write(ContextSpec.of("eu-1", new DirectEndpoint("old.example.com", true, null), "team-a", access));

    service.writeAndSwitch(ContextSpec.of("eu-1", new DirectEndpoint("eu-1.example.com", false, "Y2E="), "team-a",
        access));

    assertThat(Fixtures.read(file)).isEqualTo(Fixtures.resource("foreign.after-switch.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "plain value         | current-context: mgmt\\n             | current-context: minikube\\n",
      "end-of-line comment | current-context: mgmt   # daily\\n   | current-context: minikube   # daily\\n",
      "quoted value        | current-context: 'mgmt'\\n           | current-context: minikube\\n",
      "CRLF line ends      | current-context: mgmt\\r\\n           | current-context: minikube\\r\\n"})
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
  void writingTheSameContextAgainWritesNoFile() {
    Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
    KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
    ContextSpec spec = ContextSpec.of("eu-1", null, null, service.managementAccess(null));
    service.write(spec);

    WriteResult again = service.write(spec);

    assertThat(again.changedAnything()).isFalse();
  }
}
