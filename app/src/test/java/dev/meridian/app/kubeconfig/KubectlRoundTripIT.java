package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine writes, read back by the real kubectl. */
class KubectlRoundTripIT {
    private static final String CA = "ZW5kcG9pbnQtY2E=";

    @TempDir
    Path home;

    @Test
    void directSpaceContextIsWhatKubectlSeesWithOneFile() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        Kubectl kubectl = Kubectl.forFiles(home, List.of(file));

        ContextSpec spec = ContextSpec.of(
                "eu-1", new DirectEndpoint("eu-1.example.com", false, CA), "team-a", service.managementAccess(null));
        service.writeAndSwitch(spec);

        assertThat(kubectl.currentContext()).isEqualTo("meridian_team-a_eu-1");
        Map<String, Object> view = kubectl.minified("meridian_team-a_eu-1");
        assertThat(cluster(view))
                .containsEntry("server", "https://eu-1.example.com/kubernetes/cluster")
                .containsEntry("certificate-authority-data", CA)
                .doesNotContainKey("insecure-skip-tls-verify");
        assertThat(context(view)).containsEntry("namespace", "team-a").containsEntry("user", "meridian_team-a_eu-1");
        assertThat(user(view)).containsEntry("token", "management-token");
    }

    @Test
    void insecureDirectClusterContextSkipsVerification() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        Kubectl kubectl = Kubectl.forFiles(home, List.of(file));

        service.writeAndSwitch(ContextSpec.of(
                "us-2", new DirectEndpoint("10.0.0.7:31443", true, CA), null, service.managementAccess("mgmt")));

        Map<String, Object> view = kubectl.minified("meridian_us-2");
        assertThat(cluster(view))
                .containsEntry("server", "https://10.0.0.7:31443/kubernetes/cluster")
                .containsEntry("insecure-skip-tls-verify", true)
                .doesNotContainKey("certificate-authority-data");
        assertThat(context(view)).doesNotContainKey("namespace");
    }

    @Test
    void centralContextUsesManagementOriginAndTlsAcrossThreeFiles() {
        Path first = Fixtures.write(home.resolve("a/first.yaml"), """
        apiVersion: v1
        kind: Config
        preferences: {}
        """);
        Path second = Fixtures.write(home.resolve("b/second.yaml"), Fixtures.management("second-token"));
        Path third = Fixtures.write(home.resolve("c/third.yaml"), Fixtures.resource("foreign.yaml"));
        List<Path> files = List.of(first, second, third);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, files));
        Kubectl kubectl = Kubectl.forFiles(home, files);
        String secondBefore = Fixtures.read(second);
        String thirdBefore = Fixtures.read(third);

        ManagementAccess access = service.managementAccess(null);
        assertThat(access.credential()).isEqualTo(new Credential.Token("second-token"));
        WriteResult result = service.writeAndSwitch(ContextSpec.of("ap-3", null, "dev", access));

        assertThat(kubectl.currentContext()).isEqualTo("meridian_dev_ap-3");
        Map<String, Object> view = kubectl.minified("meridian_dev_ap-3");
        assertThat(cluster(view))
                .containsEntry("server", "https://mgmt.example.com:8443/kubernetes/cluster/ap-3")
                .containsEntry("certificate-authority-data", Fixtures.MANAGEMENT_CA);
        assertThat(context(view)).containsEntry("namespace", "dev");
        assertThat(user(view)).containsEntry("token", "second-token");
        assertThat(result.filesWritten())
                .withFailMessage("new entries and current-context go to the first file only")
                .containsExactly(first);
        assertThat(Fixtures.read(second)).isEqualTo(secondBefore);
        assertThat(Fixtures.read(third)).isEqualTo(thirdBefore);
    }

    @Test
    void writeWithoutSwitchLeavesCurrentContext() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        Kubectl kubectl = Kubectl.forFiles(home, List.of(file));

        service.write(ContextSpec.of("eu-1", null, null, service.managementAccess(null)));

        assertThat(kubectl.currentContext()).isEqualTo("mgmt");
        assertThat(kubectl.ok("config", "get-contexts", "-o", "name").lines())
                .containsExactlyInAnyOrder("mgmt", "minikube", "meridian_eu-1");
        assertThat(service.contextNames()).containsExactly("mgmt", "minikube", "meridian_eu-1");
    }

    @Test
    void switchBackReturnsToTheContextTheLastSwitchLeftAndRemembersTheManagementContext() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        Kubectl kubectl = Kubectl.forFiles(home, List.of(file));
        ManagementAccess access = service.managementAccess(null);

        service.switchTo("minikube");
        service.writeAndSwitch(ContextSpec.of("eu-1", null, null, access));
        service.writeAndSwitch(ContextSpec.of("eu-1", null, "team-a", access));
        assertThat(kubectl.currentContext()).isEqualTo("meridian_team-a_eu-1");

        SwitchOutcome outcome = service.switchBack();

        assertThat(outcome).isInstanceOf(SwitchOutcome.Switched.class);
        assertThat(kubectl.currentContext()).isEqualTo("meridian_eu-1");
        assertThat(service.lastOwnContext()).contains("minikube");
        service.switchBack();
        assertThat(kubectl.currentContext()).isEqualTo("meridian_team-a_eu-1");
        service.switchTo("minikube");
        assertThat(kubectl.minified("minikube").toString()).contains("staging");
    }

    @Test
    void printRendersAKubeconfigKubectlAcceptsAndWritesNothing() {
        Path file = Fixtures.write(home.resolve("kube/config"), Fixtures.resource("foreign.yaml"));
        String before = Fixtures.read(file);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        String fragment = service.render(ContextSpec.of(
                "eu-1", new DirectEndpoint("eu-1.example.com", true, null), "ops", service.managementAccess(null)));

        assertThat(Fixtures.read(file)).isEqualTo(before);
        Path printed = Fixtures.write(home.resolve("printed.yaml"), fragment);
        Kubectl kubectl = Kubectl.forFiles(home, List.of(printed));
        assertThat(kubectl.currentContext()).isEqualTo("meridian_ops_eu-1");
        assertThat(cluster(kubectl.minified("meridian_ops_eu-1")))
                .containsEntry("server", "https://eu-1.example.com/kubernetes/cluster")
                .containsEntry("insecure-skip-tls-verify", true);
    }

    @Test
    void listsMeridianContextsWithRouteAndNamespaceAcrossFiles() {
        Path first = Fixtures.write(home.resolve("a/first.yaml"), Fixtures.management("t"));
        Path second = Fixtures.write(
                home.resolve("b/second.yaml"), Fixtures.resource("foreign.yaml").replace("mgmt", "other-mgmt"));
        List<Path> files = List.of(first, second);
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, files));
        ManagementAccess access = service.managementAccess(null);
        service.write(ContextSpec.of("eu-1", new DirectEndpoint("eu-1.example.com", true, null), null, access));
        service.writeAndSwitch(ContextSpec.of("us-2", null, "dev", access));

        List<MeridianContext> listed = service.meridianContexts();

        assertThat(listed)
                .extracting(
                        MeridianContext::name,
                        MeridianContext::route,
                        MeridianContext::server,
                        MeridianContext::namespace,
                        MeridianContext::current)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "meridian_eu-1",
                                Route.DIRECT,
                                "https://eu-1.example.com/kubernetes/cluster",
                                null,
                                false),
                        org.assertj.core.groups.Tuple.tuple(
                                "meridian_dev_us-2",
                                Route.CENTRAL,
                                "https://mgmt.example.com:8443/kubernetes/cluster/us-2",
                                "dev",
                                true));
        Kubectl kubectl = Kubectl.forFiles(home, files);
        assertThat(kubectl.ok("config", "get-contexts", "--no-headers"))
                .containsPattern("\\*\\s+meridian_dev_us-2\\s+meridian_dev_us-2\\s+meridian_dev_us-2\\s+dev");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cluster(Map<String, Object> view) {
        return (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) view.get("clusters")).get(0)).get("cluster");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> context(Map<String, Object> view) {
        return (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) view.get("contexts")).get(0)).get("context");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> user(Map<String, Object> view) {
        return (Map<String, Object>) ((Map<String, Object>) ((List<Object>) view.get("users")).get(0)).get("user");
    }
}
