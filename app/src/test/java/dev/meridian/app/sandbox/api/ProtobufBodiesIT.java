package dev.meridian.app.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.testing.Kubectl;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real kubectl's typed creates against a recording API server: each body kubectl sends must be protobuf, and
 * decode to what {@code kubectl create … --dry-run=client -o json} prints for the same command.
 *
 * <p>The comparison allows two differences, both from Go and neither a field the API server would read differently:
 * kubectl's JSON writes {@code null} for the zero time and nil pointers without omitempty ({@code creationTimestamp:
 * null}), which the wire does not carry at all; and the wire carries every non-pointer number and boolean of the Go
 * struct, zero or not ({@code generation: 0}, {@code stdin: false}, a new Deployment's {@code status.replicas: 0}),
 * which Go's JSON leaves out by omitempty. So: every non-null value kubectl prints is decoded equal, and what the
 * decoder adds beyond it is a zero.
 */
class ProtobufBodiesIT {
    @TempDir
    static Path home;

    private static RecordingApiServer server;
    private static Kubectl kubectl;
    private static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        server = RecordingApiServer.start();
        kubeconfig = Files.createFile(home.resolve("empty-kubeconfig"));
        kubectl = new Kubectl(home, kubeconfig);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                create("/api/v1/namespaces", "namespace", "shop"),
                create(
                        "/apis/apps/v1/namespaces/shop/deployments",
                        "deployment",
                        "web",
                        "--image=nginx:1.27",
                        "--replicas=3",
                        "--port=8080",
                        "-n",
                        "shop"),
                create(
                        "/apis/apps/v1/namespaces/shop/deployments",
                        "deployment",
                        "idle",
                        "--image=nginx:1.27",
                        "--replicas=0",
                        "-n",
                        "shop"),
                create(
                        "/api/v1/namespaces/shop/configmaps",
                        "configmap",
                        "cfg",
                        "--from-literal=mode=prod",
                        "--from-literal=empty=",
                        "-n",
                        "shop"),
                create(
                        "/api/v1/namespaces/shop/secrets",
                        "secret",
                        "generic",
                        "creds",
                        "--from-literal=password=s3cr3t\u00e9",
                        "-n",
                        "shop"),
                create(
                        "/api/v1/namespaces/shop/secrets",
                        "secret",
                        "docker-registry",
                        "pull",
                        "--docker-server=registry.example.com",
                        "--docker-username=u",
                        "--docker-password=p",
                        "-n",
                        "shop"),
                create(
                        "/api/v1/namespaces/shop/services",
                        "service",
                        "clusterip",
                        "web",
                        "--tcp=80:http,443:8443",
                        "-n",
                        "shop"),
                create(
                        "/api/v1/namespaces/shop/services",
                        "service",
                        "nodeport",
                        "edge",
                        "--tcp=80:8080",
                        "--node-port=30080",
                        "-n",
                        "shop"),
                create("/api/v1/namespaces/shop/serviceaccounts", "serviceaccount", "bot", "-n", "shop"),
                create(
                        "/api/v1/namespaces/shop/resourcequotas",
                        "quota",
                        "small",
                        "--hard=cpu=500m,memory=1Gi,pods=4",
                        "-n",
                        "shop"),
                create(
                        "/apis/rbac.authorization.k8s.io/v1/namespaces/shop/roles",
                        "role",
                        "reader",
                        "--verb=get,list",
                        "--resource=pods,configmaps",
                        "-n",
                        "shop"),
                create(
                        "/apis/rbac.authorization.k8s.io/v1/namespaces/shop/rolebindings",
                        "rolebinding",
                        "reader-bot",
                        "--role=reader",
                        "--serviceaccount=shop:bot",
                        "-n",
                        "shop"),
                create(
                        "/apis/rbac.authorization.k8s.io/v1/clusterroles",
                        "clusterrole",
                        "deploy-viewer",
                        "--verb=get,watch",
                        "--resource=deployments.apps"),
                create(
                        "/apis/batch/v1/namespaces/shop/jobs",
                        "job",
                        "once",
                        "--image=busybox:1.36",
                        "-n",
                        "shop",
                        "--",
                        "echo",
                        "hi"),
                create(
                        "/apis/batch/v1/namespaces/shop/cronjobs",
                        "cronjob",
                        "nightly",
                        "--image=busybox:1.36",
                        "--schedule=0 3 * * *",
                        "-n",
                        "shop"),
                create(
                        "/apis/networking.k8s.io/v1/namespaces/shop/ingresses",
                        "ingress",
                        "web",
                        "--rule=shop.example.com/*=web:80,tls=shop-tls",
                        "--class=nginx",
                        "-n",
                        "shop"),
                create(
                        "/apis/policy/v1/namespaces/shop/poddisruptionbudgets",
                        "poddisruptionbudget",
                        "web",
                        "--selector=app=web",
                        "--min-available=50%",
                        "-n",
                        "shop"));
    }

    private static Arguments create(String path, String... args) {
        return Arguments.of(String.join(" ", args), path, args);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "kubectl create {0}")
    @MethodSource("commands")
    void theDecodedBodyIsWhatKubectlPrintsForTheSameCommand(String title, String path, String[] args) {
        Kubectl.Result dryRun = kubectl.run(command(args, "--dry-run=client", "-o", "json"));
        assertThat(dryRun.exitCode()).as("dry run: %s", dryRun).isZero();
        Map<String, Object> printed = Serialization.unmarshal(dryRun.out(), Map.class);

        int before = server.requests().size();
        Kubectl.Result created = kubectl.run(command(args));
        assertThat(created.exitCode()).as("create: %s", created).isZero();
        List<RecordingApiServer.Request> sent =
                server.requests().subList(before, server.requests().size());
        assertThat(sent).as("the one request kubectl sent").hasSize(1);
        RecordingApiServer.Request request = sent.get(0);
        assertThat(request.path()).isEqualTo(path);
        assertThat(ProtobufBodies.isProtobuf(request.contentType()))
                .as("kubectl sends %s as protobuf, not %s", title, request.contentType())
                .isTrue();

        Map<String, Object> decoded = ProtobufBodies.decode(request.body());

        List<String> differences = new ArrayList<>();
        compare("", withoutNulls(printed), decoded, differences);
        assertThat(differences)
                .as("decoded %s%nkubectl printed %s", decoded, printed)
                .isEmpty();
    }

    private static String[] command(String[] args, String... more) {
        List<String> command = new ArrayList<>(List.of("create"));
        command.addAll(List.of(args));
        // flags after "--" would be the job's command: put ours before it
        int end = command.contains("--") ? command.indexOf("--") : command.size();
        List<String> flags = new ArrayList<>(
                List.of("--server", server.url(), "--kubeconfig", kubeconfig.toString(), "--validate=false"));
        flags.addAll(List.of(more));
        command.addAll(end, flags);
        return command.toArray(String[]::new);
    }

    /** kubectl's JSON with Go's nulls dropped: the wire has no null, only absence. */
    @SuppressWarnings("unchecked")
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    copy.put((String) k, withoutNulls(v));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProtobufBodiesIT::withoutNulls).toList();
        }
        return value;
    }

    /** Everything kubectl printed is decoded equal; anything more the decoder has is a Go zero. */
    private static void compare(String at, Object printed, Object decoded, List<String> differences) {
        if (printed instanceof Map<?, ?> expected && decoded instanceof Map<?, ?> actual) {
            expected.forEach((k, v) -> {
                if (!actual.containsKey(k)) {
                    differences.add(at + "/" + k + " missing, kubectl printed " + v);
                } else {
                    compare(at + "/" + k, v, actual.get(k), differences);
                }
            });
            actual.forEach((k, v) -> {
                if (!expected.containsKey(k) && !isZero(v)) {
                    differences.add(at + "/" + k + " = " + v + " decoded, not printed by kubectl");
                }
            });
        } else if (printed instanceof List<?> expected && decoded instanceof List<?> actual) {
            if (expected.size() != actual.size()) {
                differences.add(at + " has " + actual.size() + " items, kubectl printed " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(at + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (!printed.equals(decoded)) {
            differences.add(at + " = " + decoded + " (" + decoded.getClass().getSimpleName() + "), kubectl printed "
                    + printed + " (" + printed.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isZero(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().allMatch(ProtobufBodiesIT::isZero);
        }
        return Boolean.FALSE.equals(value) || (value instanceof Number n && n.longValue() == 0);
    }
}
