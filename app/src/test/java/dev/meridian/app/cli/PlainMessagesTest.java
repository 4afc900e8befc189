package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.health.DownCause;
import dev.meridian.app.health.ProbePhase;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors and warnings say what happened in plain words, without Java's own words or a stack trace. */
class PlainMessagesTest {
    @TempDir
    Path home;

    private TwoClusterPlane fleet;
    private MockManagementPlane plane;
    private String kubeconfig;

    @BeforeEach
    void start() throws Exception {
        fleet = new TwoClusterPlane(home);
        plane = fleet.plane;
        kubeconfig = fleet.kubeconfig.toString();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private CliRun meridian(String... args) {
        return CliRun.withKubeconfig(home, kubeconfig, args);
    }

    @Test
    void aCaFileThatCannotBeUsedIsNamedWithTheReason() throws Exception {
        Path missing = home.resolve("missing.pem");
        Path text = Files.writeString(home.resolve("notes.txt"), "hello\n");
        Path der = Files.write(
                home.resolve("ca.der"), TestCertificates.validCa("der").getEncoded());

        assertThat(meridian("endpoint", "set", "eu-west", "eu.example.com", "--ca-file", missing.toString())
                        .err())
                .isEqualTo("[error] Cannot read the CA file " + missing + ": it does not exist.\n");
        assertThat(meridian("endpoint", "set", "eu-west", "eu.example.com", "--ca-file", home.toString())
                        .err())
                .isEqualTo("[error] Cannot read the CA file " + home + ": it is a folder.\n");
        assertThat(meridian("endpoint", "set", "eu-west", "eu.example.com", "--ca-file", text.toString())
                        .err())
                .isEqualTo("[error] The CA holds no PEM certificate (no '-----BEGIN CERTIFICATE-----' block); give a "
                        + "PEM file. DER or a private key is not accepted.\n");
        assertThat(meridian("endpoint", "set", "eu-west", "eu.example.com", "--ca-file", der.toString())
                        .err())
                .isEqualTo("[error] The CA file " + der + " is not PEM text (it looks binary, e.g. DER); give the PEM "
                        + "of the endpoint's CA.\n");
    }

    @Test
    void badBase64SaysSoWithoutTheDecodersWords() {
        CliRun run = meridian("endpoint", "set", "eu-west", "eu.example.com", "--ca-data", "QUJD=X");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("[error] CA data is not valid base64. Encode the PEM file, e.g. base64 -w0 ca.crt, or use "
                        + "--ca-file.\n");
    }

    @Test
    void insecureWithACaIsAWarningNotAnInfo() throws Exception {
        Path ca = Files.writeString(home.resolve("ca.crt"), TestCertificates.pem(TestCertificates.validCa("eu")));

        CliRun run = meridian("endpoint", "set", "eu-west", "eu.example.com", "--insecure", "--ca-file", ca.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err())
                .contains("[warning] insecure is set together with CA data; kubectl will skip TLS verification")
                .doesNotContain("[info] Warning");
    }

    @Test
    void aTooShortProbeTimeoutIsBlamedNotTheNetwork() {
        String shortLimit = new DownCause.Timeout(ProbePhase.CONNECT, Duration.ofMillis(1), "127.0.0.1:6443").message();
        String longLimit = new DownCause.Timeout(ProbePhase.CONNECT, Duration.ofSeconds(3), "10.0.0.1:443").message();
        String handshake =
                new DownCause.Timeout(ProbePhase.TLS_HANDSHAKE, Duration.ofSeconds(3), "10.0.0.1:443").message();

        assertThat(shortLimit)
                .contains("A limit of 1 ms may be shorter than the exchange takes")
                .contains("longer --timeout")
                .doesNotContain("firewall");
        assertThat(longLimit).contains("within 3.0 s while connecting").contains("firewalls");
        assertThat(handshake).contains("while in the TLS handshake");
    }

    @Test
    void aSandboxFolderThatCannotBeMadeIsInvalidInput() throws Exception {
        Path file = Files.writeString(home.resolve("a-file"), "x");

        CliRun run = CliRun.run(home, "sandbox", "--dir", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("[error] Cannot use " + file + " as the sandbox's folder: a file of that name is in the "
                        + "way. Choose a folder you can write to with --dir.\n");
    }

    @Test
    void aMalformedKubeconfigShowsTheParsersLinesWithTheCaret() throws Exception {
        Path broken = Files.writeString(
                home.resolve("broken"), "apiVersion: v1\nkind: Config\nclusters:\n- name: a\n  cluster: {server: x\n");

        CliRun run = CliRun.run(home, Map.of("KUBECONFIG", broken.toString()), "context", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("[error] cannot parse kubeconfig " + broken + ":\n  while parsing a flow mapping\n"
                        + "   at line 5, column 12:\n")
                .contains("        cluster: {server: x\n                 ^\n")
                .endsWith("Fix the file (for example with `kubectl config view`) and try again.\n");
    }

    @Test
    void aClusterWhoseStoredCaExpiredIsDownWithTheCauseAndIsNotSwitchedToSilently() {
        String expired = TestCertificates.base64Pem(TestCertificates.selfSignedCa(
                "old",
                java.time.Instant.now().minus(Duration.ofDays(30)),
                java.time.Instant.now().minus(Duration.ofDays(1))));
        plane.addCluster(
                "old",
                Map.of(
                        dev.meridian.app.fleet.Annotations.ENDPOINT,
                        "old.example.com",
                        dev.meridian.app.fleet.Annotations.CA_DATA,
                        expired));

        CliRun probe = meridian("probe", "old");
        CliRun use = meridian("cluster", "use", "old");

        assertThat(probe.exitCode()).as(probe.toString()).isEqualTo(5);
        String row = probe.out()
                .lines()
                .filter(l -> l.startsWith("old "))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains("Direct", "DOWN", "https://old.example.com/healthz", "expired")
                .doesNotContain("uses the central route");
        assertThat(probe.err()).contains("old DOWN");
        assertThat(use.exitCode()).as(use.toString()).isEqualTo(2);
        assertThat(use.err())
                .contains("The direct endpoint of cluster 'old' is invalid")
                .contains("expired");
    }
}
