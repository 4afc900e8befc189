package dev.meridian.installer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.installer.testing.MockCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rendered YAML goes through the real kubectl ({@code kubectl create -f -}) into the mock API
 * server, and what the server then holds equals the typed objects.
 */
class KubectlRoundTripIT {

    private static final String KUBECTL = "/usr/bin/kubectl";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final MockCluster cluster = new MockCluster();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        cluster.close();
    }

    static Stream<Arguments> manifests() {
        return Stream.of(
                Arguments.of(
                        "default ingress with cert-manager",
                        AgentManifests.build(InstallSpec.builder("eu-west", "agent.eu.example.com")
                                .clusterIssuer("letsencrypt")
                                .build())),
                Arguments.of(
                        "load balancer, management-plane authority",
                        AgentManifests.build(InstallSpec.builder("eu-west", "agent.eu.example.com")
                                .namespace("meridian-agent")
                                .exposure(Exposure.LOADBALANCER)
                                .authority(Authority.managementPlane(PlaneManifests.authorityKubeconfig(
                                        "https://plane.example.com", "Q0E=", "token")))
                                .build())),
                Arguments.of(
                        "node port",
                        AgentManifests.build(InstallSpec.builder("eu-west", "agent.eu.example.com")
                                .exposure(Exposure.NODEPORT)
                                .replicas(3)
                                .build())),
                Arguments.of(
                        "management plane",
                        concat(
                                List.of(PlaneManifests.clusterCrd()),
                                PlaneManifests.authorityObjects(PlaneManifests.DEFAULT_NAMESPACE, "eu-west"))),
                Arguments.of(
                        "central gateway and its record",
                        concat(
                                AgentManifests.build(InstallSpec.gatewayBuilder("gateway.example.com")
                                        .clusterIssuer("letsencrypt")
                                        .build()),
                                PlaneManifests.gatewayRecord("https://gateway.example.com", null, false)
                                        .subList(1, 4))),
                Arguments.of(
                        "connected cluster's gateway identity", ConnectManifests.targetObjects("meridian-system")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void kubectlCreatesExactlyTheTypedObjects(String name, List<HasMetadata> objects) throws Exception {
        String yaml = YamlRenderer.render(objects);

        Result result = kubectl(yaml, "create", "--validate=false", "-f", "-");

        assertThat(result.exitCode())
                .as("kubectl create failed: %s", result.stderr())
                .isZero();
        for (HasMetadata object : objects) {
            String ref = object.getKind() + " " + object.getMetadata().getName();
            assertThat(result.stdout()).contains(" created");
            HasMetadata stored = cluster.client().resource(object).get();
            assertThat(stored).as("%s stored by kubectl", ref).isNotNull();
            assertThat(withoutServerFields(stored))
                    .as("%s as kubectl sent it", ref)
                    .isEqualTo(withoutServerFields(object));
        }
        assertThat(result.stdout().lines()).hasSize(objects.size());
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result kubectl(String stdin, String... args) throws IOException, InterruptedException {
        Path kubeconfig = home.resolve("kubeconfig");
        Files.writeString(
                kubeconfig,
                "apiVersion: v1\nkind: Config\n"
                        + "clusters:\n- name: mock\n  cluster:\n    server: " + cluster.url()
                        + "\n    insecure-skip-tls-verify: true\n"
                        + "users:\n- name: admin\n  user:\n    token: test\n"
                        + "contexts:\n- name: mock\n  context:\n    cluster: mock\n    user: admin\n"
                        + "current-context: mock\n");
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
        builder.redirectError(home.resolve("stderr").toFile());
        builder.redirectOutput(home.resolve("stdout").toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl did not finish within 60 s: " + Files.readString(home.resolve("stderr")));
        }
        return new Result(
                process.exitValue(),
                Files.readString(home.resolve("stdout")),
                Files.readString(home.resolve("stderr")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutServerFields(HasMetadata object) {
        Map<String, Object> map = SERIALIZATION.convertValue(object, Map.class);
        map.remove("status");
        Map<String, Object> metadata = (Map<String, Object>) map.get("metadata");
        List.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields")
                .forEach(metadata::remove);
        return map;
    }

    private static List<HasMetadata> concat(List<? extends HasMetadata> a, List<? extends HasMetadata> b) {
        List<HasMetadata> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
