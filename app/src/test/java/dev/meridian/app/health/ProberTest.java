package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProberTest {
    // Loaded CI machines make loopback probes take hundreds of milliseconds: only the slow test may say "slow".
    private static final ProbeSettings FAST =
            ProbeSettings.defaults().withTimeout(Duration.ofMillis(500)).withSlowThreshold(Duration.ofSeconds(10));
    private static TestPki.Identity ca;
    private static TestPki.Identity otherCa;
    private static LoopbackServers servers;
    private static Prober prober;

    @BeforeAll
    static void startServers() throws Exception {
        ca = TestPki.ca("Meridian Test CA");
        otherCa = TestPki.ca("Some Other CA");
        servers = new LoopbackServers();
        prober = Prober.create(FAST.withTimeout(Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stopServers() throws Exception {
        prober.close();
        servers.close();
    }

    private static TestPki.Identity validLeaf() {
        return ca.leaf("agent").sans("127.0.0.1", "localhost").issue();
    }

    private static ProbeTarget loopback(int port, TlsMode mode) {
        return ProbeTarget.forEndpoint("127.0.0.1:" + port, mode);
    }

    @Test
    void validChainTrustedByCaDataIsUpWithDiagnostics() throws Exception {
        TestPki.Identity leaf = validLeaf();
        int port = servers.https(leaf, 200);

        ProbeResult result = prober.probe(loopback(port, ca.asCaData()));

        assertThat(result.verdict()).as(result.verdict().message()).isEqualTo(new Verdict.Up());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.httpVersion()).isEqualTo("HTTP/1.1");
        assertThat(result.remote()).isEqualTo("127.0.0.1:" + port);
        TlsInfo tls = result.tls();
        assertThat(tls.protocol()).isEqualTo("TLSv1.3");
        assertThat(tls.alpn()).isEqualTo("http/1.1");
        assertThat(tls.chain()).hasSize(2);
        CertificateInfo presented = tls.chain().get(0);
        assertThat(presented.subject()).isEqualTo("CN=agent,O=Meridian Test");
        assertThat(presented.issuer()).isEqualTo("CN=Meridian Test CA,O=Meridian Test");
        assertThat(presented.subjectAltNames()).containsExactly("IP:127.0.0.1", "DNS:localhost");
        assertThat(presented.selfSigned()).isFalse();
        assertThat(presented.notAfter()).isEqualTo(leaf.cert().getNotAfter().toInstant());
        assertThat(presented.sha256Fingerprint())
                .isEqualTo(sha256Colons(leaf.cert().getEncoded()));
        assertThat(tls.chain().get(1).selfSigned()).isTrue();
        ProbeTimings timings = result.timings();
        assertThat(timings.dns()).isEqualTo(Duration.ZERO);
        assertThat(Stream.of(timings.connect(), timings.tlsHandshake(), timings.firstByte()))
                .doesNotContainNull();
        assertThat(timings.total())
                .isGreaterThanOrEqualTo(timings.tlsHandshake().plus(timings.firstByte()));
        assertThat(servers.requests())
                .anySatisfy(head ->
                        assertThat(head).startsWith("GET /healthz HTTP/1.1").contains("Host: 127.0.0.1:" + port));
    }

    @Test
    void hostNameIsResolvedAndVerifiedAgainstTheSans() throws Exception {
        int port = servers.https(validLeaf(), 200);

        ProbeResult result = prober.probe(ProbeTarget.forEndpoint("localhost:" + port, ca.asCaData()));

        assertThat(result.verdict()).as(result.verdict().message()).isEqualTo(new Verdict.Up());
        assertThat(result.timings().dns()).isNotNull();
    }

    @Test
    void expectedServerNameIsVerifiedInsteadOfTheUrlHost() throws Exception {
        int port = servers.https(ca.leaf("agent").sans("agent.example.com").issue(), 200);
        ProbeTarget target = loopback(port, ca.asCaData());

        assertThat(prober.probe(target.withServerName("agent.example.com")).verdict())
                .isEqualTo(new Verdict.Up());
        assertThat(tlsProblem(prober.probe(target))).isEqualTo(TlsProblem.HOSTNAME_MISMATCH);
    }

    static Stream<Arguments> tlsFailures() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of(
                        "self-signed, not in ca-data",
                        (Function<TestPki.Identity, TestPki.Identity>) c ->
                                TestPki.selfSigned("agent").sans("127.0.0.1").issue(),
                        CaMode.CA_DATA,
                        TlsProblem.UNTRUSTED,
                        "self-signed certificate CN=agent"),
                Arguments.of(
                        "self-signed, system trust store",
                        (Function<TestPki.Identity, TestPki.Identity>) c ->
                                TestPki.selfSigned("agent").sans("127.0.0.1").issue(),
                        CaMode.SYSTEM,
                        TlsProblem.UNTRUSTED,
                        "not in the system trust store"),
                Arguments.of(
                        "expired",
                        (Function<TestPki.Identity, TestPki.Identity>) c -> c.leaf("agent")
                                .sans("127.0.0.1")
                                .validBetween(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))
                                .issue(),
                        CaMode.CA_DATA,
                        TlsProblem.EXPIRED,
                        "expired on"),
                Arguments.of(
                        "not yet valid",
                        (Function<TestPki.Identity, TestPki.Identity>) c -> c.leaf("agent")
                                .sans("127.0.0.1")
                                .validBetween(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))
                                .issue(),
                        CaMode.CA_DATA,
                        TlsProblem.NOT_YET_VALID,
                        "is valid from"),
                Arguments.of(
                        "wrong host",
                        (Function<TestPki.Identity, TestPki.Identity>) c -> c.leaf("agent")
                                .sans("other.example.com", "10.1.2.3")
                                .issue(),
                        CaMode.CA_DATA,
                        TlsProblem.HOSTNAME_MISMATCH,
                        "not for 127.0.0.1"),
                Arguments.of(
                        "wrong CA",
                        (Function<TestPki.Identity, TestPki.Identity>)
                                c -> otherCa.leaf("agent").sans("127.0.0.1").issue(),
                        CaMode.CA_DATA_WITHOUT_CHAIN,
                        TlsProblem.UNTRUSTED,
                        "CN=Some Other CA"),
                Arguments.of(
                        "ca-data that is no certificate",
                        (Function<TestPki.Identity, TestPki.Identity>)
                                c -> c.leaf("agent").sans("127.0.0.1").issue(),
                        CaMode.GARBAGE,
                        TlsProblem.INVALID_CA_DATA,
                        "not PEM certificates"));
    }

    enum CaMode {
        CA_DATA,
        CA_DATA_WITHOUT_CHAIN,
        SYSTEM,
        GARBAGE
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tlsFailures")
    void tlsFailureIsNamedAndTheChainIsStillCaptured(
            String name,
            Function<TestPki.Identity, TestPki.Identity> cert,
            CaMode caMode,
            TlsProblem expected,
            String detail)
            throws Exception {
        TestPki.Identity served = cert.apply(ca);
        int port = servers.https(served, 200);
        TlsMode mode = switch (caMode) {
            case CA_DATA, CA_DATA_WITHOUT_CHAIN -> ca.asCaData();
            case SYSTEM -> TlsMode.systemTrust();
            case GARBAGE ->
                TlsMode.caData("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        };
        int requestsBefore = servers.requests().size();

        ProbeResult result = prober.probe(loopback(port, mode));

        assertThat(tlsProblem(result)).as(result.verdict().message()).isEqualTo(expected);
        DownCause.TlsFailure failure = (DownCause.TlsFailure) ((Verdict.Down) result.verdict()).cause();
        assertThat(failure.detail()).contains(detail);
        assertThat(failure.message()).contains("127.0.0.1:" + port);
        assertThat(result.tls().chain())
                .extracting(CertificateInfo::sha256Fingerprint)
                .first()
                .isEqualTo(sha256Colons(served.cert().getEncoded()));
        assertThat(result.status()).as("no request after a failed verification").isZero();
        assertThat(servers.requests()).hasSize(requestsBefore);
    }

    @Test
    void insecureModeSkipsVerificationLikeKubectl() throws Exception {
        Instant now = Instant.now();
        int port = servers.https(
                TestPki.selfSigned("agent")
                        .sans("other.example.com")
                        .validBetween(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)))
                        .issue(),
                200);

        ProbeResult result = prober.probe(loopback(port, TlsMode.insecure()));

        assertThat(result.verdict()).isEqualTo(new Verdict.Up());
        assertThat(result.leaf())
                .hasValueSatisfying(leaf -> assertThat(leaf.selfSigned()).isTrue());
    }

    @Test
    void non200StatusIsDownWithTheStatus() throws Exception {
        int port = servers.https(validLeaf(), 503);

        ProbeResult result = prober.probe(loopback(port, ca.asCaData()));

        assertThat(result.verdict())
                .isEqualTo(new Verdict.Down(new DownCause.HttpStatus(503, "Service Unavailable", "127.0.0.1:" + port)));
        assertThat(result.verdict().message()).contains("503").contains("check the agent pods");
    }

    @Test
    void portThatNeverAnswersTimesOutInTheHandshake() throws Exception {
        int port = servers.neverAnswering();
        try (Prober quick = Prober.create(FAST)) {
            ProbeResult result = quick.probe(loopback(port, ca.asCaData()));

            assertThat(result.verdict())
                    .isEqualTo(new Verdict.Down(new DownCause.Timeout(
                            ProbePhase.TLS_HANDSHAKE, Duration.ofMillis(500), "127.0.0.1:" + port)));
            assertThat(result.timings().total()).isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
            assertThat(result.timings().connect()).isNotNull();
        }
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int port = LoopbackServers.closedPort();

        ProbeResult result = prober.probe(loopback(port, ca.asCaData()));

        assertThat(result.verdict()).isEqualTo(new Verdict.Down(new DownCause.ConnectionRefused("127.0.0.1:" + port)));
    }

    @Test
    void unresolvableNameIsDnsFailure() {
        ProbeResult result = prober.probe(ProbeTarget.forEndpoint("something.invalid", TlsMode.systemTrust()));

        assertThat(result.verdict())
                .isInstanceOfSatisfying(
                        Verdict.Down.class,
                        down -> assertThat(down.cause())
                                .isInstanceOfSatisfying(
                                        DownCause.DnsFailure.class,
                                        dns -> assertThat(dns.host()).isEqualTo("something.invalid")));
        assertThat(result.verdict().message()).startsWith("DNS failure: the name something.invalid does not resolve");
    }

    @Test
    void resolverThatHangsIsCutOffByTheProbeTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Resolver hanging = host -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        };
        try (Prober quick = new Prober(FAST, hanging, Clock.systemUTC())) {
            ProbeResult result = quick.probe(ProbeTarget.forEndpoint("agent.example.com", TlsMode.systemTrust()));

            assertThat(result.verdict())
                    .isEqualTo(new Verdict.Down(
                            new DownCause.Timeout(ProbePhase.DNS, Duration.ofMillis(500), "agent.example.com:443")));
        } finally {
            release.countDown();
        }
    }

    @Test
    void resolvedAddressesAreTriedInOrder() throws Exception {
        int port = servers.https(ca.leaf("agent").sans("agent.example.com").issue(), 200);
        // The server listens on 127.0.0.1 only, so 127.0.0.2 (also loopback) refuses and the next address is tried.
        Resolver twoAddresses = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2}),
            InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})
        };
        try (Prober resolving = new Prober(FAST, twoAddresses, Clock.systemUTC())) {
            ProbeResult result = resolving.probe(ProbeTarget.forEndpoint("agent.example.com:" + port, ca.asCaData()));

            assertThat(result.verdict()).as(result.verdict().message()).isEqualTo(new Verdict.Up());
            assertThat(result.remote()).isEqualTo("127.0.0.1:" + port);
        }
    }

    @Test
    void plainHttpPortIsAHandshakeFailure() throws Exception {
        int port = servers.plainHttp();

        assertThat(tlsProblem(prober.probe(loopback(port, ca.asCaData())))).isEqualTo(TlsProblem.HANDSHAKE_FAILED);
    }

    @Test
    void slowAnswerIsDegradedAndSaysSlow() throws Exception {
        int port = servers.https(validLeaf(), 200, Duration.ofMillis(300));
        try (Prober strict =
                Prober.create(FAST.withTimeout(Duration.ofSeconds(2)).withSlowThreshold(Duration.ofMillis(150)))) {
            ProbeResult result = strict.probe(loopback(port, ca.asCaData()));

            assertThat(result.verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Degraded.class,
                            degraded -> assertThat(degraded.reasons())
                                    .singleElement()
                                    .isInstanceOfSatisfying(
                                            DegradedReason.Slow.class,
                                            slow -> assertThat(slow.took()).isGreaterThan(Duration.ofMillis(300))));
            assertThat(result.timings().firstByte()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void certificateExpiringWithinFourteenDaysIsDegradedAndSaysWhich() throws Exception {
        TestPki.Identity leaf = ca.leaf("expiring")
                .sans("127.0.0.1")
                .validFor(Duration.ofDays(5))
                .issue();
        int port = servers.https(leaf, 200);

        ProbeResult result = prober.probe(loopback(port, ca.asCaData()));

        assertThat(result.verdict())
                .isInstanceOfSatisfying(
                        Verdict.Degraded.class,
                        degraded -> assertThat(degraded.reasons())
                                .singleElement()
                                .isInstanceOfSatisfying(DegradedReason.CertificateExpiring.class, expiring -> {
                                    assertThat(expiring.subject()).isEqualTo("CN=expiring,O=Meridian Test");
                                    assertThat(expiring.remaining()).isBetween(Duration.ofDays(4), Duration.ofDays(5));
                                }));
        assertThat(result.verdict().message()).startsWith("Certificate expiring: CN=expiring");
    }

    static TlsProblem tlsProblem(ProbeResult result) {
        assertThat(result.verdict()).as(result.verdict().message()).isInstanceOf(Verdict.Down.class);
        DownCause cause = ((Verdict.Down) result.verdict()).cause();
        assertThat(cause).as(cause.message()).isInstanceOf(DownCause.TlsFailure.class);
        return ((DownCause.TlsFailure) cause).problem();
    }

    static String sha256Colons(byte[] der) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(der);
        StringBuilder out = new StringBuilder();
        for (byte b : digest) {
            out.append(out.length() == 0 ? "" : ":").append(String.format("%02X", b));
        }
        return out.toString();
    }
}
