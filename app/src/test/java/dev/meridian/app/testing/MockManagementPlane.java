package dev.meridian.app.testing;

import dev.meridian.app.fleet.FleetService;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** fabric8's API server mock in CRUD mode, over HTTPS, holding Cluster objects, with a kubeconfig that reaches it. */
public final class MockManagementPlane implements AutoCloseable {
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockManagementPlane() {
        var responses = new HashMap<
                io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>();
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), responses, new KubernetesMixedDispatcher(responses), true);
        server.init(java.net.InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    public KubernetesClient client() {
        return client;
    }

    /** The server itself, for expectations that answer before its CRUD store (e.g. a refusal). */
    public KubernetesMockServer server() {
        return server;
    }

    /** How many requests reached the server so far. */
    public int getRequestCount() {
        return server.getRequestCount();
    }

    public String url() {
        return client.getConfiguration().getMasterUrl().replaceAll("/$", "");
    }

    /** Writes a kubeconfig whose current context {@code management} reaches this server with a token. */
    public Path writeKubeconfig(Path file) throws IOException {
        return writeKubeconfig(file, Map.of());
    }

    /**
     * Like {@link #writeKubeconfig(Path)}, plus one context per entry of {@code others} (context name
     * to server URL, e.g. a second mock as a connected cluster), all with the same user.
     */
    public Path writeKubeconfig(Path file, Map<String, String> others) throws IOException {
        Map<String, String> servers = new LinkedHashMap<>();
        servers.put("management", url());
        servers.putAll(others);
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        servers.forEach((name, server) -> {
            clusters.append("- name: ")
                    .append(name)
                    .append("\n  cluster:\n    server: ")
                    .append(server)
                    .append("\n    insecure-skip-tls-verify: true\n");
            contexts.append("- name: ")
                    .append(name)
                    .append("\n  context:\n    cluster: ")
                    .append(name)
                    .append("\n    user: admin\n");
        });
        String yaml = "apiVersion: v1\nkind: Config\nclusters:\n" + clusters
                + "users:\n- name: admin\n  user:\n    token: management-token\ncontexts:\n" + contexts
                + "current-context: management\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, yaml);
        return file;
    }

    public GenericKubernetesResource addCluster(String name, Map<String, String> annotations) {
        return client.genericKubernetesResources(FleetService.CLUSTERS)
                .resource(cluster(name, annotations))
                .create();
    }

    public static GenericKubernetesResource cluster(String name, Map<String, String> annotations) {
        GenericKubernetesResource resource = new GenericKubernetesResource();
        resource.setApiVersion("management.loft.sh/v1");
        resource.setKind("Cluster");
        resource.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withAnnotations(new LinkedHashMap<>(annotations))
                .withLabels(Map.of("region", name))
                .build());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("displayName", "Cluster " + name);
        spec.put("description", "Test cluster " + name);
        spec.put("managementNamespace", "vcluster-pro");
        spec.put("config", Map.of("secretName", "cluster-" + name, "secretNamespace", "loft", "key", "config"));
        resource.setAdditionalProperty("spec", spec);
        resource.setAdditionalProperty("status", Map.of("phase", "Initialized"));
        return resource;
    }

    public GenericKubernetesResource read(String name) {
        return client.genericKubernetesResources(FleetService.CLUSTERS)
                .withName(name)
                .get();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
