package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.testing.Kubectl;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the app's first run puts the sandbox's context in the user's kubeconfig, so "Use cluster" in the
 * window is seen by kubectl in a new shell; and it joins a sandbox a terminal already runs in the folder.
 */
class FirstRunSandboxTest {
    @TempDir
    Path temp;

    /** A fresh machine: no KUBECONFIG, no ~/.kube. */
    private DesktopEnvironment freshMachine() {
        return new DesktopEnvironment(
                Map.of(
                        "XDG_STATE_HOME", temp.resolve("state").toString(),
                        "XDG_CONFIG_HOME", temp.resolve("config").toString()),
                temp.resolve("home"),
                "Linux",
                Clock.systemUTC());
    }

    @Test
    void fromAFreshHomeUseClusterInTheWindowIsWhatKubectlInANewShellUses() throws Exception {
        DesktopEnvironment system = freshMachine();
        FirstRunSandbox sandbox = FirstRunSandbox.ifNoPlane(system);
        assertThat(sandbox).as("no plane on a fresh machine").isNotNull();
        try (sandbox) {
            startAndWait(sandbox);
            Path config = temp.resolve("home/.kube/config");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                    .isEqualTo("rw-------");
            KubeconfigService kubeconfig = sandbox.environment().kubeconfig();
            assertThat(kubeconfig.contextNames()).containsExactly(Sandbox.CONTEXT);
            assertThat(sandbox.context()).isEqualTo(Sandbox.CONTEXT);

            // The window's "Use cluster": KubeconfigContextActions over contexts.Switching, as DesktopModules wires it.
            ContextConnection plane = kubeconfig.connection(Sandbox.CONTEXT);
            String said = new KubeconfigContextActions(kubeconfig).useCluster(plane, cluster(plane, "eu-west"));
            assertThat(said).startsWith("kubectl now uses meridian_eu-west");

            assertThat(newShellKubectl("config", "current-context")).isEqualTo("meridian_eu-west\n");
            assertThat(newShellKubectl("get", "ns", "-o", "name")).contains("namespace/default");
        }
        assertThat(FirstRunSandbox.ifNoPlane(system))
                .as("with only the sandbox's contexts, the next run starts the sandbox again")
                .isNotNull();
    }

    @Test
    void theAppJoinsTheSandboxATerminalRunsInTheFolderAndLeavesItRunning() throws Exception {
        DesktopEnvironment system = freshMachine();
        SandboxOptions options = new SandboxOptions(
                SandboxOptions.defaultDirectory(system.env(), system.home()), List.of("eu-west"), Map.of());
        try (Sandbox terminal = Sandbox.start(options)) {
            byte[] itsKubeconfig = Files.readAllBytes(terminal.kubeconfig());
            FirstRunSandbox app = FirstRunSandbox.ifNoPlane(system);
            startAndWait(app);
            app.close();

            KubeconfigService kubeconfig = app.environment().kubeconfig();
            assertThat(kubeconfig.managementAccess(Sandbox.CONTEXT).server())
                    .isEqualTo(terminal.gatewayUrl() + "/kubernetes/management");
            assertThat(Files.readAllBytes(terminal.kubeconfig())).isEqualTo(itsKubeconfig);
            assertThat(cluster(kubeconfig.connection(Sandbox.CONTEXT), "eu-west")
                            .name())
                    .as("the terminal's sandbox still runs after the app closed")
                    .isEqualTo("eu-west");
        }
    }

    @Test
    void aSandboxATerminalRunsInAnotherFolderIsUsedNotTakenOver() throws Exception {
        DesktopEnvironment system = freshMachine();
        SandboxOptions elsewhere = new SandboxOptions(temp.resolve("elsewhere"), List.of("eu-west"), Map.of());
        try (Sandbox terminal = Sandbox.start(elsewhere)) {
            // What `meridian sandbox --dir elsewhere` does: its context in the user's kubeconfig.
            dev.meridian.app.sandbox.SandboxContext.addTo(system.kubeconfig(), terminal.kubeconfig());
            String server =
                    system.kubeconfig().managementAccess(Sandbox.CONTEXT).server();

            assertThat(FirstRunSandbox.ifNoPlane(system))
                    .as("the running sandbox is the plane: no second one is started")
                    .isNull();
            assertThat(system.kubeconfig().managementAccess(Sandbox.CONTEXT).server())
                    .isEqualTo(server);
        }
        assertThat(FirstRunSandbox.ifNoPlane(system))
                .as("once it has stopped, the app starts its own again")
                .isNotNull();
    }

    private static void startAndWait(FirstRunSandbox sandbox) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        sandbox.start(up::countDown);
        assertThat(up.await(120, TimeUnit.SECONDS)).as("the sandbox started").isTrue();
    }

    private static ClusterInfo cluster(ContextConnection plane, String name) {
        try (KubernetesClient client = ContextClients.open(plane)) {
            return new FleetService(client, Clock.systemUTC()).get(name);
        }
    }

    /** kubectl as a new shell runs it: HOME set, no KUBECONFIG. */
    private String newShellKubectl(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(Kubectl.BINARY), List.of(args).stream())
                        .toList())
                .redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("HOME", temp.resolve("home").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
