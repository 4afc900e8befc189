package dev.meridian.app.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagementAccessIT {
    @TempDir
    Path home;

    private KubeconfigService serviceFor(String yaml) {
        Path file = Fixtures.write(home.resolve("conf/config"), yaml);
        return new KubeconfigService(Fixtures.locations(home, List.of(file)));
    }

    private static String config(String cluster, String user) {
        return """
        apiVersion: v1
        clusters:
        - cluster:
        %s
          name: c
        contexts:
        - context: {cluster: c, user: u}
          name: ctx
        current-context: ctx
        users:
        - name: u
          user:
        %s
        """.formatted(cluster.indent(4).stripTrailing(), user.indent(4).stripTrailing());
    }

    @Test
    void readsServerTlsAndToken() {
        KubeconfigService service = serviceFor(config("""
        server: https://mgmt:6443/prefix
        certificate-authority: ca.pem
        tls-server-name: api.internal
        proxy-url: http://proxy:3128""", "token: abc"));

        ManagementAccess access = service.managementAccess("ctx");

        assertThat(access.server()).isEqualTo("https://mgmt:6443/prefix");
        assertThat(access.origin()).isEqualTo("https://mgmt:6443");
        assertThat(access.tls())
                .isEqualTo(new TlsSettings(null, home.resolve("conf/ca.pem").toString(), false, "api.internal"));
        assertThat(access.proxy()).contains("http://proxy:3128");
        assertThat(access.credential()).isEqualTo(new Credential.Token("abc"));
    }

    @Test
    void tokenFileIsMadeAbsoluteAgainstItsFile() {
        KubeconfigService service = serviceFor(config("server: https://m", "tokenFile: secrets/token"));

        assertThat(service.managementAccess(null).credential())
                .isEqualTo(new Credential.TokenFile(
                        home.resolve("conf/secrets/token").toString()));
    }

    @Test
    void execPluginIsCopiedAsIs() {
        KubeconfigService service = serviceFor(config("server: https://m", """
        exec:
          apiVersion: client.authentication.k8s.io/v1
          command: ./bin/get-token
          args: [--cluster, prod]
          env:
          - name: PROFILE
            value: admin
          interactiveMode: Never
          provideClusterInfo: true"""));

        Credential credential = service.managementAccess(null).credential();

        assertThat(credential)
                .isEqualTo(new Credential.Exec(Map.of(
                        "apiVersion",
                        "client.authentication.k8s.io/v1",
                        "command",
                        home.resolve("conf/bin/get-token").toString(),
                        "args",
                        List.of("--cluster", "prod"),
                        "env",
                        List.of(Map.of("name", "PROFILE", "value", "admin")),
                        "interactiveMode",
                        "Never",
                        "provideClusterInfo",
                        true)));
    }

    @Test
    void execPluginReachesKubectlUnchanged() {
        Path file = Fixtures.write(
                home.resolve("conf/config"),
                config(
                        "server: https://m.example.com",
                        "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: aws\n  args: [eks, get-token]"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));

        service.writeAndSwitch(ContextSpec.of("eu-1", null, null, service.managementAccess(null)));

        Map<String, Object> user =
                KubectlRoundTripIT.user(Kubectl.forFiles(home, List.of(file)).minified("meridian_eu-1"));
        assertThat(user.get("exec").toString()).contains("command=aws").contains("args=[eks, get-token]");
    }

    @Test
    void clientCertificateOnlyUserIsRefusedWithTheWayOut() {
        KubeconfigService service =
                serviceFor(config("server: https://m", "client-certificate-data: Y2VydA==\nclient-key-data: a2V5"));

        assertThatThrownBy(() -> service.managementAccess(null))
                .isInstanceOf(KubeconfigException.UnsupportedCredential.class)
                .hasMessageContaining("client certificate")
                .hasMessageContaining("ingress")
                .hasMessageContaining("token");
    }

    @Test
    void clientCertificateUserStillGivesAConnectionForTheManagementClient() {
        KubeconfigService service = serviceFor(config(
                "server: https://m\ncertificate-authority: ca.pem",
                "client-certificate-data: Y2VydA==\nclient-key-data: a2V5"));

        ContextConnection connection = service.connection(null);

        assertThat(connection.contextName()).isEqualTo("ctx");
        assertThat(connection.kubeconfigFiles()).containsExactly(home.resolve("conf/config"));
        assertThat(connection.minifiedKubeconfig())
                .contains("client-key-data: a2V5")
                .contains("certificate-authority: " + home.resolve("conf/ca.pem"))
                .contains("current-context: ctx");
    }

    @Test
    void fabric8ConnectsWithTheMinifiedKubeconfig() {
        Path file = Fixtures.write(home.resolve("conf/config"), Fixtures.management("fabric-token"));
        KubeconfigService service = new KubeconfigService(Fixtures.locations(home, List.of(file)));
        ContextConnection connection = service.connection("mgmt");

        io.fabric8.kubernetes.client.Config config =
                io.fabric8.kubernetes.client.Config.fromKubeconfig(connection.minifiedKubeconfig());

        assertThat(config.getMasterUrl()).startsWith("https://mgmt.example.com:8443/some/path");
        assertThat(config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken())
                .isEqualTo("fabric-token");
        assertThat(config.getCaCertData()).isEqualTo(Fixtures.MANAGEMENT_CA);
        assertThat(config.getCurrentContext().getName()).isEqualTo("mgmt");
    }

    @Test
    void missingContextIsTyped() {
        KubeconfigService service = serviceFor(config("server: https://m", "token: t"));

        assertThatThrownBy(() -> service.managementAccess("other"))
                .isInstanceOf(KubeconfigException.ContextNotFound.class)
                .satisfies(e -> assertThat(((KubeconfigException.ContextNotFound) e).contextName())
                        .isEqualTo("other"));
    }
}
