package dev.meridian.app.ui.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.ProbeSettings;
import dev.meridian.app.health.Prober;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.install.InstallViewModel.Step;
import dev.meridian.installer.apply.AgentInstaller;
import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.apply.ProgressListener;
import dev.meridian.installer.manifest.AgentManifests;
import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.YamlRenderer;
import dev.meridian.installer.testing.CreateOrReplaceApplier;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install and uninstall view models without a window or the FX toolkit: a plain thread stands in for the FX
 * thread, the management plane and the target cluster are two fabric8 mock API servers reached through a
 * kubeconfig, as in the app.
 */
class InstallViewModelTest {
    private final MockManagementPlane plane = new MockManagementPlane();
    private final MockManagementPlane target = new MockManagementPlane();
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor();
    private final List<String> done = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    @TempDir
    Path temp;

    private ContextConnection connection;
    private InstallServices services;

    @BeforeEach
    void writeKubeconfig() throws Exception {
        Path kubeconfig = plane.writeKubeconfig(
                temp.resolve("config"), Map.of("target", target.url(), "dead", "https://127.0.0.1:1"));
        connection = new ContextConnection(List.of(kubeconfig), "management", "");
        KubeconfigService engine =
                new KubeconfigService(KubeconfigLocations.of(Map.of("KUBECONFIG", kubeconfig.toString()), temp));
        services = new InstallServices(flow(), ClientOpener.through(engine), Clock.systemUTC(), fxThread);
    }

    @AfterEach
    void stop() {
        fxThread.shutdownNow();
        plane.close();
        target.close();
    }

    @Test
    void previewsExactlyWhatItAppliesThenInstallsAndSetsTheClustersEndpoint() {
        ClusterInfo cluster = cluster(Map.of());
        InstallSpec spec = InstallSpec.builder("eu-west", "agent.eu.example.com")
                .namespace("edge-agent")
                .build();
        try (InstallViewModel model = new InstallViewModel(services, connection, cluster, List.of("target"))) {
            onFx(() -> {
                model.preview(new InstallRequest(
                        "target",
                        spec,
                        InstallOptions.defaults().withWaitForRollout(false),
                        "does not wait for the rollout"));
                return null;
            });
            assertThat(onFx(() -> model.stepProperty().get())).isEqualTo(Step.PREVIEW);
            assertThat(onFx(() -> model.previewYamlProperty().get()))
                    .isEqualTo(YamlRenderer.render(AgentManifests.build(spec)));
            assertThat(onFx(() -> model.previewHintProperty().get()))
                    .contains("in context target (namespace edge-agent", "does not wait for the rollout");

            onFx(() -> {
                model.install();
                return null;
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onFx(() -> model.doneProperty().get()));

            assertThat(onFx(() -> model.stepProperty().get())).isEqualTo(Step.INSTALL);
            assertThat(onFx(() -> model.failedProperty().get()))
                    .as(
                            "the install succeeded: %s",
                            onFx(() -> model.resultProperty().get()))
                    .isFalse();
            assertThat(onFx(() -> model.resultProperty().get()))
                    .contains("namespace edge-agent", "Endpoint set to https://agent.eu.example.com", "not probed");
            assertThat(onFx(() -> List.copyOf(model.progress())))
                    .anyMatch(line -> line.contains("Deployment"))
                    .hasSizeGreaterThan(5);
            assertThat(target.client()
                            .apps()
                            .deployments()
                            .inNamespace("edge-agent")
                            .withName("loft-agent")
                            .get())
                    .isNotNull();
            assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                    .containsEntry(Annotations.ENDPOINT, "agent.eu.example.com");
        }
    }

    @Test
    void closingTheWindowsModelLetsAnInstallUnderWayFinish() {
        InstallViewModel model = new InstallViewModel(services, connection, cluster(Map.of()), List.of("target"));
        onFx(() -> {
            model.preview(new InstallRequest(
                    "target",
                    InstallSpec.builder("eu-west", "agent.eu.example.com").build(),
                    InstallOptions.defaults().withWaitForRollout(false),
                    "does not wait for the rollout"));
            model.install();
            model.close();
            return null;
        });

        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> model.doneProperty().get()));
        assertThat(onFx(() -> model.resultProperty().get()))
                .as("not aborted half-way: a re-run would have to complete it")
                .startsWith("Agent installed");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .containsEntry(Annotations.ENDPOINT, "agent.eu.example.com");
    }

    @Test
    void anInstallWithAnUnknownContextSaysWhatFailedOnceAndLogsIt() {
        try (InstallViewModel model = failedInstall("no-such-context")) {
            assertThat(onFx(() -> model.resultProperty().get()))
                    .startsWith("The install did not finish. ")
                    .contains("no-such-context")
                    .doesNotContain("wizard again");
            assertSaidOnce(onFx(() -> model.resultProperty().get()));
            assertThat(onFx(() -> List.copyOf(model.progress())))
                    .as("the log says what was tried and what failed")
                    .first()
                    .asString()
                    .startsWith("Installing the agent in namespace vcluster-pro of context no-such-context");
            assertThat(onFx(() -> List.copyOf(model.progress())))
                    .anyMatch(line -> line.startsWith("Failed: ") && line.contains("no-such-context"));
            assertThat(plane.read("eu-west").getMetadata().getAnnotations()).doesNotContainKey(Annotations.ENDPOINT);
        }
    }

    /** Issue 19: "...run the install again to complete it. Fix the cause and run the wizard again...". */
    @Test
    void anUnreachableTargetIsSaidOnceWithOneInstructionAndTheBarStopsShortOfDone() {
        try (InstallViewModel model = failedInstall("dead")) {
            String result = onFx(() -> model.resultProperty().get());
            assertThat(result)
                    .startsWith("The install did not finish. ")
                    .contains("no answer from the cluster (Connection refused)")
                    .doesNotContain("Operation: [");
            assertSaidOnce(result);
            assertThat(onFx(() -> List.copyOf(model.progress())))
                    .anyMatch(line -> line.startsWith("Failed: "))
                    .anyMatch(line -> line.startsWith("Cause: "));
            assertThat(onFx(() -> model.completionProperty().get()))
                    .as("a failed install's bar is not full as if it were done")
                    .isBetween(0.0, 0.95);
        }
    }

    private InstallViewModel failedInstall(String context) {
        InstallViewModel model =
                new InstallViewModel(services, connection, cluster(Map.of()), List.of("target", "dead"));
        onFx(() -> {
            model.preview(new InstallRequest(
                    context,
                    InstallSpec.builder("eu-west", "agent.eu.example.com").build(),
                    InstallOptions.defaults(),
                    "waits up to 5m for the rollout"));
            model.install();
            return null;
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> onFx(() -> model.doneProperty().get()));
        assertThat(onFx(() -> model.failedProperty().get())).isTrue();
        return model;
    }

    /** At most one "again" (run the install again, uninstall again...), no sentence twice, no "..". */
    private static void assertSaidOnce(String text) {
        assertThat(text.split("again", -1)).as("one instruction in: %s", text).hasSizeLessThanOrEqualTo(2);
        assertThat(text).doesNotContain("..");
        List<String> sentences = List.of(text.split("(?<=\\.) "));
        assertThat(sentences).as("no sentence repeated in: %s", text).doesNotHaveDuplicates();
    }

    @Test
    void uninstallRefusesABadNamespaceThenRemovesTheAgentAndClearsTheEndpoint() {
        new AgentInstaller(target.client(), new CreateOrReplaceApplier(target.client()), Duration.ofMillis(50))
                .install(
                        InstallSpec.builder("eu-west", "agent.eu.example.com").build(),
                        InstallOptions.defaults().withWaitForRollout(false),
                        ProgressListener.NONE);
        ClusterInfo cluster =
                cluster(Map.of(Annotations.ENDPOINT, "agent.eu.example.com", Annotations.INSECURE, "true"));
        try (UninstallViewModel model = new UninstallViewModel(
                services, connection, cluster, List.of("management", "target"), done::add, failed::add)) {
            assertThat(onFx(() -> model.summaryProperty().get()))
                    .startsWith("Choose the kube context of cluster eu-west");
            assertThat(onFx(() -> model.canConfirmProperty().get()))
                    .as("nothing to confirm without a context")
                    .isFalse();

            onFx(() -> {
                model.contextProperty().set("target");
                model.namespaceProperty().set("Bad_NS");
                model.uninstall();
                return null;
            });
            assertThat(onFx(() -> model.problemProperty().get())).startsWith("Invalid namespace 'Bad_NS'");
            assertThat(onFx(() -> model.startedProperty().get())).isFalse();

            onFx(() -> {
                model.namespaceProperty().set(InstallSpec.DEFAULT_NAMESPACE);
                return null;
            });
            assertThat(onFx(() -> model.summaryProperty().get()))
                    .contains(
                            "namespace vcluster-pro of context target",
                            "clears the direct endpoint of cluster eu-west");
            onFx(() -> {
                model.uninstall();
                return null;
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onFx(() -> model.doneProperty().get()));

            assertThat(onFx(() -> model.resultProperty().get())).startsWith("Agent removed from cluster eu-west");
            assertThat(done).containsExactly(onFx(() -> model.resultProperty().get()));
            assertThat(failed).isEmpty();
            assertThat(onFx(() -> model.progress().size())).isGreaterThan(3);
            assertThat(target.client()
                            .apps()
                            .deployments()
                            .inNamespace(InstallSpec.DEFAULT_NAMESPACE)
                            .withName("loft-agent")
                            .get())
                    .isNull();
            assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                    .doesNotContainKeys(Annotations.ENDPOINT, Annotations.INSECURE, Annotations.CA_DATA);
        }
    }

    @Test
    void aFailedUninstallIsReportedToTheCaller() {
        try (UninstallViewModel model = new UninstallViewModel(
                services, connection, cluster(Map.of()), List.of("target"), done::add, failed::add)) {
            onFx(() -> {
                model.contextProperty().set("no-such-context");
                model.uninstall();
                return null;
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> onFx(() -> model.doneProperty().get()));

            assertThat(onFx(() -> model.failedProperty().get())).isTrue();
            assertThat(failed).singleElement().asString().startsWith("The uninstall did not finish. ");
            assertSaidOnce(failed.get(0));
            assertThat(done).isEmpty();
        }
    }

    private ClusterInfo cluster(Map<String, String> annotations) {
        plane.addCluster("eu-west", annotations);
        return new FleetService(plane.client(), Clock.systemUTC()).get("eu-west");
    }

    /** Reads or changes the models on the stand-in FX thread, as the views do on the real one. */
    private <T> T onFx(Callable<T> call) {
        try {
            return fxThread.submit(call).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static AgentInstallFlow flow() {
        return new AgentInstallFlow(
                client -> new AgentInstaller(client, new CreateOrReplaceApplier(client), Duration.ofMillis(50)),
                () -> new Prober(
                        ProbeSettings.defaults(),
                        host -> new InetAddress[] {InetAddress.getLoopbackAddress()},
                        Clock.systemUTC()),
                Clock.systemUTC());
    }
}
