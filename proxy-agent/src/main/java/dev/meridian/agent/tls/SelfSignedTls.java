package dev.meridian.agent.tls;

import java.time.Duration;
import java.util.List;

/** Generates a private CA (10 years) and a server certificate it signs (2 years), ECDSA P-256. */
public final class SelfSignedTls {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration SERVER_VALIDITY = Duration.ofDays(730);

    private SelfSignedTls() {}

    /** Names always present in the server certificate, so local runs and the in-cluster Service work. */
    public static List<String> defaultNames(String namespace) {
        return List.of(
                "localhost",
                "127.0.0.1",
                "::1",
                "loft-agent",
                "loft-agent." + namespace,
                "loft-agent." + namespace + ".svc",
                "loft-agent." + namespace + ".svc.cluster.local");
    }

    public static GeneratedTls generate(List<String> subjectAlternativeNames) {
        return CertificateAuthority.create("CN=Meridian agent CA,O=Meridian", CA_VALIDITY)
                .issue(subjectAlternativeNames, SERVER_VALIDITY);
    }

    static boolean isIpLiteral(String name) {
        return CertificateAuthority.isIpLiteral(name);
    }
}
