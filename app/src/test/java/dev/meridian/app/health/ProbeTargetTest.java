package dev.meridian.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "agent.example.com,      https://agent.example.com/healthz,       agent.example.com, 443",
        "agent.example.com:8443, https://agent.example.com:8443/healthz,  agent.example.com, 8443",
        "10.0.0.7:9443,          https://10.0.0.7:9443/healthz,           10.0.0.7,          9443",
        "[::1]:8443,             https://[::1]:8443/healthz,              ::1,               8443",
    })
    void endpointAnnotationBecomesTheHealthUrl(String endpoint, String url, String host, int port) {
        ProbeTarget target = ProbeTarget.forEndpoint(endpoint, TlsMode.insecure());

        assertThat(target.url()).hasToString(url);
        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"https://agent.example.com", "agent.example.com/kubernetes", "", " "})
    void endpointWithSchemeOrPathIsRejected(String endpoint) {
        assertThatThrownBy(() -> ProbeTarget.forEndpoint(endpoint, TlsMode.insecure()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host[:port]");
    }

    @Test
    void plainHttpUrlIsRejected() {
        assertThatThrownBy(() -> ProbeTarget.of("http://agent.example.com/healthz", TlsMode.insecure()))
                .hasMessageContaining("https");
    }

    @Test
    void serverNameReplacesTheHostForVerification() {
        ProbeTarget target =
                ProbeTarget.forEndpoint("10.0.0.7", TlsMode.systemTrust()).withServerName("Agent.Example.com");

        assertThat(target.verifiedName()).isEqualTo("agent.example.com");
        assertThat(target.expectedServerName()).contains("Agent.Example.com");
    }

    @Test
    void invalidServerNameIsRejected() {
        ProbeTarget target = ProbeTarget.forEndpoint("10.0.0.7", TlsMode.systemTrust());

        assertThatThrownBy(() -> target.withServerName("bad name.."))
                .hasMessageContaining("not a valid TLS server name");
        assertThat(target.withServerName(" ").expectedServerName()).isEmpty();
    }

    @Test
    void contextSettingsPickTheModeKubectlWouldUse() {
        byte[] pem = "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);

        assertThat(TlsMode.forContext(true, pem)).isEqualTo(TlsMode.insecure());
        assertThat(TlsMode.forContext(false, pem)).isEqualTo(TlsMode.caData(pem));
        assertThat(TlsMode.forContext(false, null)).isEqualTo(TlsMode.systemTrust());
    }

    @Test
    void caDataRoundTripsThroughTheAnnotationForm() {
        byte[] pem =
                "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);
        TlsMode.CaData mode = (TlsMode.CaData) TlsMode.caData(pem);

        assertThat(TlsMode.caDataBase64(mode.base64())).isEqualTo(mode);
        assertThat(mode.base64()).isEqualTo(Base64.getEncoder().encodeToString(pem));
        assertThatThrownBy(() -> TlsMode.caDataBase64("not base64!")).hasMessageContaining("not valid base64");
    }
}
