package dev.meridian.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meridian.app.core.MeridianException.InvalidInput;
import dev.meridian.app.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointStateTest {
    private static final Instant NOW = Instant.now();

    @Test
    void noEndpointAnnotationMeansCentralRoute() {
        assertThat(EndpointState.fromAnnotations(Map.of(Annotations.INSECURE, "true"), NOW))
                .isInstanceOf(EndpointState.Off.class);
    }

    @Test
    void readsHostInsecureAndCa() {
        var ca = TestCertificates.validCa("endpoint-ca");
        var state = EndpointState.fromAnnotations(
                Map.of(Annotations.ENDPOINT, "agent.example.com", Annotations.CA_DATA, TestCertificates.base64Pem(ca)),
                NOW);
        assertThat(state).isInstanceOfSatisfying(EndpointState.On.class, on -> {
            assertThat(on.hostPort()).hasToString("agent.example.com");
            assertThat(on.tlsMode()).isEqualTo(EndpointState.TlsMode.CA);
            assertThat(on.ca().orElseThrow().certificates()).singleElement().satisfies(c -> {
                assertThat(c.subject()).isEqualTo("CN=endpoint-ca");
                assertThat(c.issuer()).isEqualTo("CN=endpoint-ca");
                assertThat(c.notAfter()).isEqualTo(ca.getNotAfter().toInstant());
                assertThat(c.sha256()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            });
            assertThat(on.warnings()).isEmpty();
        });
    }

    @Test
    void insecureTogetherWithCaIsAllowedButWarned() {
        var state = EndpointState.fromAnnotations(
                Map.of(
                        Annotations.ENDPOINT, "agent.example.com",
                        Annotations.INSECURE, "true",
                        Annotations.CA_DATA, TestCertificates.base64Pem(TestCertificates.validCa("ca"))),
                NOW);
        assertThat(state).isInstanceOfSatisfying(EndpointState.On.class, on -> {
            assertThat(on.tlsMode()).isEqualTo(EndpointState.TlsMode.INSECURE);
            assertThat(on.warnings()).singleElement().asString().contains("insecure is set together with CA data");
        });
    }

    @Test
    void badStoredValuesBecomeInvalidWithEveryReason() {
        var state = EndpointState.fromAnnotations(
                Map.of(
                        Annotations.ENDPOINT, "https://agent.example.com/x",
                        Annotations.INSECURE, "yes",
                        Annotations.CA_DATA, "%%%not base64%%%"),
                NOW);
        assertThat(state)
                .isInstanceOfSatisfying(
                        EndpointState.Invalid.class,
                        invalid -> assertThat(invalid.problems())
                                .hasSize(3)
                                .anySatisfy(p -> assertThat(p).contains("scheme"))
                                .anySatisfy(p -> assertThat(p).contains("must be \"true\" or absent"))
                                .anySatisfy(p -> assertThat(p).contains("not valid base64")));
    }

    @Test
    void hugeStoredValueIsInvalidAndPreviewIsBounded() {
        String huge = "a".repeat(1024 * 1024);
        var state = EndpointState.fromAnnotations(Map.of(Annotations.ENDPOINT, huge, Annotations.CA_DATA, huge), NOW);
        assertThat(state).isInstanceOfSatisfying(EndpointState.Invalid.class, invalid -> {
            assertThat(invalid.endpointPreview()).hasSizeLessThanOrEqualTo(80);
            assertThat(String.join("", invalid.problems())).hasSizeLessThan(2000);
        });
    }

    @Test
    void expiredStoredCaIsInvalid() {
        var expired =
                TestCertificates.selfSignedCa("old-ca", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        var state = EndpointState.fromAnnotations(
                Map.of(
                        Annotations.ENDPOINT,
                        "agent.example.com",
                        Annotations.CA_DATA,
                        TestCertificates.base64Pem(expired)),
                NOW);
        assertThat(state)
                .isInstanceOfSatisfying(
                        EndpointState.Invalid.class,
                        invalid -> assertThat(invalid.problems())
                                .singleElement()
                                .asString()
                                .contains("CN=old-ca expired"));
    }

    @Test
    void caDataMustBePemNotDer() throws Exception {
        var der = TestCertificates.validCa("der").getEncoded();
        assertThatThrownBy(() -> CaBundle.fromBase64(Base64.getEncoder().encodeToString(der)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("no PEM certificate");
    }

    @Test
    void caDataWithACorruptPemBlockIsRefused() {
        String pem = "-----BEGIN CERTIFICATE-----\nTUlJQmFk\n-----END CERTIFICATE-----\n";
        assertThatThrownBy(() -> CaBundle.fromBase64(
                        Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not a valid X.509 certificate");
    }

    @Test
    void bundleWithTwoCertificatesListsBoth() {
        String pem = TestCertificates.pem(TestCertificates.validCa("one"))
                + TestCertificates.pem(TestCertificates.validCa("two"));
        assertThat(CaBundle.fromPemText(pem).certificates())
                .extracting(CaBundle.Certificate::subject)
                .containsExactly("CN=one", "CN=two");
    }

    @Test
    void changeRefusesAnExpiredCa() {
        var expired =
                TestCertificates.selfSignedCa("old-ca", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        assertThatThrownBy(() ->
                        EndpointChange.of("agent.example.com", false, TestCertificates.base64Pem(expired), null, NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("expired");
    }

    @Test
    void changeRefusesBothCaFileAndCaData() {
        assertThatThrownBy(() -> EndpointChange.of("agent.example.com", false, "x", "y", NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("not both");
    }
}
