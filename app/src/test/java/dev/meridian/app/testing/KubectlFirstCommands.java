package dev.meridian.app.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * What a user's first kubectl commands on a new cluster do, each asserted on its output: typed
 * creates (protobuf bodies), client-side apply twice with a change (strategic merge patch),
 * server-side apply, a strategic patch, a label, a watch that sees a create, and deletes.
 */
public final class KubectlFirstCommands {
    private KubectlFirstCommands() {}

    public static void run(Kubectl kubectl, String namespace) {
        ok(kubectl.run("create", "namespace", namespace));
        ok(kubectl.run("create", "deployment", "web", "--image=nginx:1.27", "-n", namespace));
        ok(kubectl.run("create", "configmap", "settings", "--from-literal=color=blue", "-n", namespace));

        ok(kubectl.runWithInput(app(namespace, "api:1", "DEBUG"), "apply", "-f", "-"));
        ok(kubectl.runWithInput(app(namespace, "api:2", null), "apply", "-f", "-"));
        Kubectl.Result applied = ok(kubectl.run(
                "get",
                "deployment",
                "api",
                "-n",
                namespace,
                "-o",
                "jsonpath={.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].env}"));
        assertThat(applied.out())
                .as("the second apply changed the image and removed the env var")
                .isEqualTo("api:2 ");

        ok(kubectl.runWithInput("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: applied, namespace: %s}
                data: {mode: server-side}
                """.formatted(namespace), "apply", "--server-side", "-f", "-"));
        Kubectl.Result managed = ok(kubectl.run(
                "get",
                "configmap",
                "applied",
                "-n",
                namespace,
                "--show-managed-fields",
                "-o",
                "jsonpath={.data.mode} {.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"));
        assertThat(managed.out()).isEqualTo("server-side kubectl Apply");

        ok(kubectl.run(
                "patch",
                "deployment",
                "api",
                "-n",
                namespace,
                "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"api\",\"image\":\"api:3\"}]}}}}"));
        Kubectl.Result patched = ok(kubectl.run(
                "get",
                "deployment",
                "api",
                "-n",
                namespace,
                "-o",
                "jsonpath={.spec.template.spec.containers[*].name} {.spec.template.spec.containers[0].image} "
                        + "{.spec.template.spec.containers[0].ports[0].containerPort}"));
        assertThat(patched.out()).as("the patch merged the container by name").isEqualTo("api api:3 8080");

        ok(kubectl.run("label", "deployment", "api", "tier=backend", "-n", namespace));
        assertThat(ok(kubectl.run("get", "deployments", "-l", "tier=backend", "-n", namespace, "-o", "name"))
                        .out())
                .isEqualTo("deployment.apps/api\n");

        try (Kubectl.Running watch = kubectl.start("get", "configmaps", "-w", "-n", namespace)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> watch.outSoFar().contains("settings"));
            ok(kubectl.run("create", "configmap", "watched", "-n", namespace));
            await().atMost(Duration.ofSeconds(20)).until(() -> watch.outSoFar().contains("watched"));
        }

        ok(kubectl.run("delete", "configmap", "watched", "settings", "-n", namespace));
        assertThat(ok(kubectl.run("get", "configmaps", "-n", namespace, "-o", "name"))
                        .out())
                .isEqualTo("configmap/applied\n");
    }

    private static String app(String namespace, String image, String debug) {
        String env = debug == null ? "" : "        env:\n        - {name: LOG_LEVEL, value: " + debug + "}\n";
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: %s, labels: {app: api}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers:
                      - name: api
                        image: %s
                        ports:
                        - {containerPort: 8080}
                %s""".formatted(namespace, image, env);
    }

    private static Kubectl.Result ok(Kubectl.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
