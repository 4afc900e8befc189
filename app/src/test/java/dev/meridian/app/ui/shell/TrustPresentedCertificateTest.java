package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.ui.hooks.DesktopServices;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Trust presented certificate" against a sandbox agent (a real TLS server on loopback with its own
 * CA): the fingerprint shown is the one the server presents, Cancel changes nothing, Trust fills the
 * CA and Save stores it.
 */
class TrustPresentedCertificateTest extends GuiTestSupport {
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(new SandboxOptions(temp.resolve("sandbox"), SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        useKubeconfig(sandbox.kubeconfig());
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void showsThePresentedFingerprintAndTrustsItOnlyWhenConfirmed() throws Exception {
        openWindow(Sandbox.CONTEXT, DesktopServices.none());
        String expected = presentedCaFingerprint(sandbox.cluster("us-east").endpointPort());

        awaitShown(3);
        onFx(() -> {
            stage.setMaximized(false);
            stage.setHeight(560);
            return null;
        });
        clickCluster("us-east");
        assertThat(onFx(() -> ((Toggle) lookup("#endpointInsecure").query()).isSelected()))
                .isTrue();
        scrollDetailTo("#endpointTrust");
        clickOn("#endpointTrust");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> lookup("#trustFingerprint").tryQuery().isPresent());
        assertThat(text("#trustFingerprint").replace("\n", ":")).isEqualTo(expected);
        assertThat(text("#trustSubject")).isNotBlank();
        assertThat(text("#trustNotAfter")).matches("\\d{4}-\\d{2}-\\d{2} .*");
        clickOn("#trustCancel");
        assertThat(caText()).as("Cancel trusts nothing").isEmpty();

        double trustY = sceneY("#endpointTrust");
        clickOn("#endpointTrust");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> lookup("#trustConfirm").tryQuery().isPresent());
        clickOn("#trustConfirm");
        assertThat(caText()).startsWith("-----BEGIN CERTIFICATE-----");
        sleep(300);
        assertThat(sceneY("#endpointTrust")).as("the pane stays where it was").isEqualTo(trustY);
        assertThat(text("#endpointCaDetails")).contains(expected.substring(0, 23));
        assertThat(onFx(() -> ((Toggle) lookup("#endpointInsecure").query()).isSelected()))
                .isFalse();
        scrollDetailTo("#endpointSave");
        clickOn("#endpointSave");

        await().atMost(Duration.ofSeconds(20)).until(() -> annotations().containsKey(Annotations.CA_DATA));
        assertThat(annotations()).doesNotContainKey(Annotations.INSECURE);
        awaitCell("CA");
    }

    @Test
    void anEndpointThatDoesNotAnswerSaysWhatToCheck() throws Exception {
        openWindow(Sandbox.CONTEXT, DesktopServices.none());
        awaitShown(3);
        clickCluster("us-east");
        onFx(() -> {
            ((TextInputControl) lookup("#endpointHost").query()).setText("127.0.0.1:1");
            return null;
        });
        clickOn("#endpointTrust");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> text("#endpointStatus").startsWith("Could not fetch"));
        assertThat(text("#endpointStatus")).contains("127.0.0.1:1", "Check the host and port");
        assertThat(lookup("#trustDialog").tryQuery()).isEmpty();
    }

    private String caText() {
        return onFx(() -> ((TextInputControl) lookup("#endpointCa").query()).getText());
    }

    private Map<String, String> annotations() throws Exception {
        Config config = Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()));
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            return client.genericKubernetesResources(FleetService.CLUSTERS)
                    .withName("us-east")
                    .get()
                    .getMetadata()
                    .getAnnotations();
        }
    }

    /** The SHA-256 of the last certificate the server presents, read with a client that trusts anything. */
    private static String presentedCaFingerprint(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                new SecureRandom());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[chain.length - 1].getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        }
    }
}
