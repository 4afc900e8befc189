package dev.meridian.app.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.sandbox.SimulatedApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front's own behaviour, seen over HTTPS as clients see it. */
class ApiFrontTest {
    private SimulatedApiServer server;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new SimulatedApiServer();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new TrustingManager()}, null);
        http = HttpClient.newBuilder().sslContext(tls).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void chunkedWatchStreamsCreateUpdateAndDeleteOfMatchingObjectsOnly() throws Exception {
        LinkedBlockingQueue<String> lines =
                watchLines("/api/v1/namespaces/default/configmaps?watch=true&labelSelector=app%3Dweb");
        configMap("web", "web", "1");
        configMap("other", "db", "1");
        server.client().configMaps().inNamespace("default").withName("web").edit(cm -> withData(cm, "2"));
        server.client().configMaps().inNamespace("default").withName("web").delete();

        assertThat(next(lines)).contains("\"type\":\"ADDED\"", "\"name\":\"web\"");
        assertThat(next(lines)).contains("\"type\":\"MODIFIED\"", "\"v\":\"2\"");
        assertThat(next(lines)).contains("\"type\":\"DELETED\"", "\"name\":\"web\"");
        assertThat(lines.poll(300, TimeUnit.MILLISECONDS))
                .as("the db config map is not selected")
                .isNull();
    }

    @Test
    void watchWithoutVersionStartsWithTheCurrentObjectsAndFromAVersionReplaysWhatCameAfter() throws Exception {
        ConfigMap first = configMap("first", "web", "1");
        configMap("second", "web", "1");

        LinkedBlockingQueue<String> fromNow = watchLines("/api/v1/namespaces/default/configmaps?watch=1");
        assertThat(List.of(next(fromNow), next(fromNow)))
                .allMatch(line -> line.contains("\"type\":\"ADDED\""))
                .anyMatch(line -> line.contains("\"name\":\"first\""))
                .anyMatch(line -> line.contains("\"name\":\"second\""));

        LinkedBlockingQueue<String> replay = watchLines("/api/v1/namespaces/default/configmaps?watch=1&resourceVersion="
                + first.getMetadata().getResourceVersion());
        assertThat(next(replay)).contains("\"type\":\"ADDED\"", "\"name\":\"second\"");
        assertThat(replay.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void fabric8WebSocketWatchSeesChanges() {
        List<String> seen = new CopyOnWriteArrayList<>();
        var watch = server.client().configMaps().inNamespace("default").watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                seen.add(action + " " + resource.getMetadata().getName());
            }

            @Override
            public void onClose(WatcherException cause) {}
        });
        configMap("ws", "web", "1");
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("ADDED ws"));
        watch.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() == 0);
    }

    @Test
    void everyWatchEndsWhenItsClientGoesOrItsTimeoutPasses() throws Exception {
        HttpRequest gone = get("/api/v1/configmaps?watch=true");
        var pending = http.sendAsync(gone, HttpResponse.BodyHandlers.ofInputStream());
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() == 1);
        pending.get(10, TimeUnit.SECONDS).body().close();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() == 0);

        HttpResponse<String> timed =
                http.send(get("/api/v1/configmaps?watch=true&timeoutSeconds=1"), HttpResponse.BodyHandlers.ofString());
        assertThat(timed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.openWatches() == 0);
    }

    @Test
    void deletingANamespaceDeletesItsObjectsAndTellsTheirWatchers() throws Exception {
        server.client()
                .namespaces()
                .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                        .withNewMetadata()
                        .withName("team")
                        .endMetadata()
                        .build())
                .create();
        server.client()
                .configMaps()
                .inNamespace("team")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("inside")
                        .endMetadata()
                        .build())
                .create();
        LinkedBlockingQueue<String> lines = watchLines("/api/v1/namespaces/team/configmaps?watch=true&resourceVersion="
                + server.client()
                        .configMaps()
                        .inNamespace("team")
                        .list()
                        .getMetadata()
                        .getResourceVersion());

        server.client().namespaces().withName("team").delete();

        assertThat(next(lines)).contains("\"type\":\"DELETED\"", "\"name\":\"inside\"");
        assertThat(server.client().configMaps().inNamespace("team").list().getItems())
                .isEmpty();
    }

    @Test
    void aDeploymentGetsRunningPodsAFinishedRolloutAndScales() {
        var deployments = server.client().apps().deployments().inNamespace("default");
        deployments
                .resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                        .withNewMetadata()
                        .withName("web")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(2)
                        .withNewSelector()
                        .addToMatchLabels("app", "web")
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .addToLabels("app", "web")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("web")
                        .withImage("nginx:1.27")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        var pods = server.client().pods().inNamespace("default").withLabel("app", "web");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pods.list().getItems().size() == 2);
        assertThat(pods.list().getItems())
                .allMatch(pod -> pod.getStatus().getPhase().equals("Running"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Integer.valueOf(2)
                        .equals(deployments.withName("web").get().getStatus().getReadyReplicas()));

        deployments.withName("web").scale(3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pods.list().getItems().size() == 3);

        deployments.withName("web").delete();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> pods.list().getItems().isEmpty());
    }

    @Test
    void aStoredDefinitionAddsItsResourceToDiscoveryAndOpenApi() throws Exception {
        server.client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .resource(new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                        .withNewMetadata()
                        .withName("widgets.example.com")
                        .endMetadata()
                        .withNewSpec()
                        .withGroup("example.com")
                        .withScope("Namespaced")
                        .withNewNames()
                        .withPlural("widgets")
                        .withKind("Widget")
                        .withShortNames("wd")
                        .endNames()
                        .addNewVersion()
                        .withName("v1")
                        .withServed(true)
                        .withStorage(true)
                        .endVersion()
                        .endSpec()
                        .build())
                .create();

        assertThat(http.send(get("/apis"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"example.com/v1\"");
        HttpResponse<String> resources = http.send(get("/apis/example.com/v1"), HttpResponse.BodyHandlers.ofString());
        assertThat(resources.statusCode()).isEqualTo(200);
        assertThat(resources.body()).contains("\"widgets\"", "\"Widget\"", "\"wd\"");
        assertThat(http.send(get("/openapi/v3/apis/example.com/v1"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("/apis/example.com/v1/namespaces/{namespace}/widgets/{name}", "fieldValidation");
    }

    @Test
    void objectsMadeBeforeARestartOnTheSameFolderAreThereAfterIt(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        try (SimulatedApiServer first = new SimulatedApiServer(0, home)) {
            first.client()
                    .namespaces()
                    .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                            .withNewMetadata()
                            .withName("kept")
                            .endMetadata()
                            .build())
                    .create();
            first.client()
                    .configMaps()
                    .inNamespace("kept")
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("settings")
                            .endMetadata()
                            .addToData("color", "blue")
                            .build())
                    .create();
        }
        try (SimulatedApiServer second = new SimulatedApiServer(0, home)) {
            assertThat(second.client()
                            .configMaps()
                            .inNamespace("kept")
                            .withName("settings")
                            .get()
                            .getData())
                    .containsEntry("color", "blue");
            assertThat(second.client().namespaces().withName("kept").get()).isNotNull();
        }
    }

    @Test
    void anUnreadableSavedFileIsSetAsideAndTheServerStartsEmpty(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        java.nio.file.Files.writeString(home.resolve("objects.json"), "{not json");
        try (SimulatedApiServer server = new SimulatedApiServer(0, home)) {
            assertThat(server.client().namespaces().list().getItems()).isEmpty();
        }
        assertThat(home.resolve("objects.json.unreadable")).exists();
    }

    @Test
    void dryRunCreateStoresNothing() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/namespaces/default/configmaps?dryRun=All"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dry\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(server.client()
                        .configMaps()
                        .inNamespace("default")
                        .withName("dry")
                        .get())
                .isNull();
    }

    @Test
    void openApiV3NamesTheFieldValidationParameterForEveryKind() throws Exception {
        HttpResponse<String> root = http.send(get("/openapi/v3"), HttpResponse.BodyHandlers.ofString());
        assertThat(root.body()).contains("\"apis/apps/v1\"", "/openapi/v3/apis/apps/v1?hash=");
        HttpResponse<String> apps = http.send(get("/openapi/v3/apis/apps/v1"), HttpResponse.BodyHandlers.ofString());
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body())
                .contains(
                        "/apis/apps/v1/namespaces/{namespace}/deployments/{name}", "fieldValidation", "\"Deployment\"");
    }

    @Test
    void logsAndExecAnswerAtOnceThatNoContainerRuns() throws Exception {
        HttpResponse<String> logs =
                http.send(get("/api/v1/namespaces/default/pods/web-1/log"), HttpResponse.BodyHandlers.ofString());
        assertThat(logs.statusCode()).isEqualTo(400);
        assertThat(logs.body()).contains(Reply.LIMIT, "'kubectl logs' is not available");
    }

    @Test
    void unsupportedFieldSelectorOnAWatchIsRefusedWithTheSandboxLimit() throws Exception {
        HttpResponse<String> response = http.send(
                get("/api/v1/pods?watch=true&fieldSelector=spec.nodeName%3Dn1"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(Reply.LIMIT, "spec.nodeName");
    }

    private ConfigMap configMap(String name, String app, String value) {
        return server.client()
                .configMaps()
                .inNamespace("default")
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("app", app)
                        .endMetadata()
                        .addToData("v", value)
                        .build())
                .create();
    }

    private static ConfigMap withData(ConfigMap cm, String value) {
        cm.getData().put("v", value);
        return cm;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build();
    }

    /** Reads a watch's lines on a thread of its own, until the stream ends. */
    private LinkedBlockingQueue<String> watchLines(String path) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(get(path), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the server closed the stream at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openWatches() > 0);
        return lines;
    }

    private static String next(LinkedBlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("a watch event within 10 s").isNotNull();
        return line;
    }

    /** The test trusts the server it started; what it checks is the HTTP behaviour, not the CA. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
