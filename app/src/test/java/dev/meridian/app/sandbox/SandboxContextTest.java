package dev.meridian.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: the sandbox's management context goes into the user's kubeconfig, beside what is there. */
class SandboxContextTest {
    private static final String SERVER = "https://127.0.0.1:40001/kubernetes/management";

    @TempDir
    Path temp;

    /** A kubeconfig as the sandbox writes in its folder. */
    private Path sandboxKubeconfig() throws Exception {
        Path file = temp.resolve("sandbox").resolve("kubeconfig");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: meridian-sandbox
                  cluster: {server: "%s", certificate-authority-data: Q0EK}
                users:
                - name: meridian-sandbox
                  user: {token: sandbox-admin-token}
                contexts:
                - name: meridian-sandbox
                  context: {cluster: meridian-sandbox, user: meridian-sandbox}
                current-context: meridian-sandbox
                """.formatted(SERVER));
        return file;
    }

    @Test
    void aFreshHomeGetsKubeConfigOwnerOnlyWithTheSandboxAsCurrentContext() throws Exception {
        Path home = temp.resolve("home");
        KubeconfigService user = new KubeconfigService(KubeconfigLocations.of(Map.of(), home));

        SandboxContext.Added added = SandboxContext.addTo(user, sandboxKubeconfig());

        Path config = home.resolve(".kube").resolve("config");
        assertThat(added.file()).isEqualTo(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        assertThat(user.contextNames()).containsExactly(Sandbox.CONTEXT);
        assertThat(user.currentContext()).contains(Sandbox.CONTEXT);
        assertThat(user.managementAccess(Sandbox.CONTEXT).server()).isEqualTo(SERVER);
        assertThat(added.describe())
                .isEqualTo("Context meridian-sandbox is in " + config + " (now the current context).");
    }

    @Test
    void theUsersEntriesAndCurrentContextSurviveAndAStaleSandboxContextIsReplacedWithANote() throws Exception {
        Path config = temp.resolve("kube").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster: {server: "https://prod.example:6443"}
                - name: meridian-sandbox
                  cluster: {server: "https://127.0.0.1:1/kubernetes/management"}
                users:
                - name: prod
                  user: {token: prod-token}
                - name: meridian-sandbox
                  user: {token: old}
                contexts:
                - name: prod
                  context: {cluster: prod, user: prod, namespace: web}
                - name: meridian-sandbox
                  context: {cluster: meridian-sandbox, user: meridian-sandbox}
                current-context: prod
                """);
        KubeconfigService user =
                new KubeconfigService(KubeconfigLocations.of(Map.of("KUBECONFIG", config.toString()), temp));

        SandboxContext.Added added = SandboxContext.addTo(user, sandboxKubeconfig());

        assertThat(user.currentContext()).as("the user's current context stays").contains("prod");
        assertThat(user.contextNames()).containsExactly("prod", Sandbox.CONTEXT);
        assertThat(user.managementAccess("prod").server()).isEqualTo("https://prod.example:6443");
        assertThat(Files.readString(config)).contains("prod-token", "namespace: web");
        assertThat(user.managementAccess(Sandbox.CONTEXT).server()).isEqualTo(SERVER);
        assertThat(added.replacedServer()).contains("https://127.0.0.1:1/kubernetes/management");
        assertThat(added.describe())
                .contains("pointed at https://127.0.0.1:1/kubernetes/management before")
                .doesNotContain("current context");

        assertThat(SandboxContext.addTo(user, sandboxKubeconfig()).replacedServer())
                .as("adding it again replaces nothing")
                .isEmpty();
    }
}
