package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrustOnFirstUseTest {
    private static LoopbackServers servers;
    private static Prober prober;

    @BeforeAll
    static void start() throws Exception {
        servers = new LoopbackServers();
        prober = Prober.create(
                ProbeSettings.defaults().withTimeout(Duration.ofSeconds(5)).withSlowThreshold(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() throws Exception {
        prober.close();
        servers.close();
    }

    @Test
    void selfSignedEndpointIsUpOnceItsPresentedCertificateIsTrusted() throws Exception {
        TestPki.Identity agent =
                TestPki.selfSigned("loft-agent").sans("127.0.0.1", "localhost").issue();
        int port = servers.https(agent, 200);
        ProbeTarget target = ProbeTarget.forEndpoint("127.0.0.1:" + port, TlsMode.systemTrust());
        assertThat(ProberTest.tlsProblem(prober.probe(target))).isEqualTo(TlsProblem.UNTRUSTED);

        PresentedCa presented = presented(prober.fetchPresentedCa(target));

        assertThat(presented.sha256Fingerprint())
                .isEqualTo(ProberTest.sha256Colons(agent.cert().getEncoded()));
        assertThat(presented.ca().selfSigned()).isTrue();
        assertThat(presented.verifiesOnceTrusted()).isTrue();
        String annotation = presented.caDataBase64();
        assertThat(new String(Base64.getDecoder().decode(annotation), StandardCharsets.US_ASCII))
                .isEqualTo(agent.pem())
                .startsWith("-----BEGIN CERTIFICATE-----\n");
        ProbeResult trusted = prober.probe(target.withTls(TlsMode.caDataBase64(annotation)));
        assertThat(trusted.verdict()).as(trusted.verdict().message()).isEqualTo(new Verdict.Up());
    }

    @Test
    void caSignedEndpointPinsTheRootOfThePresentedChain() throws Exception {
        TestPki.Identity ca = TestPki.ca("Cluster Root");
        int port = servers.https(ca.leaf("ingress").sans("127.0.0.1").issue(), 200);

        PresentedCa presented =
                presented(prober.fetchPresentedCa(ProbeTarget.forEndpoint("127.0.0.1:" + port, TlsMode.insecure())));

        assertThat(presented.presentedChain()).hasSize(2);
        assertThat(presented.ca().subject()).isEqualTo("CN=Cluster Root,O=Meridian Test");
        assertThat(presented.sha256Fingerprint())
                .isEqualTo(ProberTest.sha256Colons(ca.cert().getEncoded()));
        assertThat(presented.asTlsMode()).isEqualTo(ca.asCaData());
        assertThat(prober.probe(presented.target()).verdict()).isEqualTo(new Verdict.Up());
    }

    @Test
    void trustingTheCaDoesNotHideAWrongHostName() throws Exception {
        int port = servers.https(
                TestPki.selfSigned("agent").sans("agent.example.com").issue(), 200);

        PresentedCa presented =
                presented(prober.fetchPresentedCa(ProbeTarget.forEndpoint("127.0.0.1:" + port, TlsMode.systemTrust())));

        assertThat(presented.verifiesOnceTrusted()).isFalse();
        assertThat(presented.remainingProblem())
                .hasValueSatisfying(problem -> assertThat(problem.problem()).isEqualTo(TlsProblem.HOSTNAME_MISMATCH));
    }

    @Test
    void unreachableEndpointGivesTheCauseInsteadOfACertificate() throws Exception {
        int port = LoopbackServers.closedPort();

        CaFetch fetch = prober.fetchPresentedCa(ProbeTarget.forEndpoint("127.0.0.1:" + port, TlsMode.insecure()));

        assertThat(fetch).isEqualTo(new CaFetch.Failed(new DownCause.ConnectionRefused("127.0.0.1:" + port)));
    }

    private static PresentedCa presented(CaFetch fetch) {
        assertThat(fetch).isInstanceOf(CaFetch.Presented.class);
        return ((CaFetch.Presented) fetch).ca();
    }
}
