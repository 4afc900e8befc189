package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.health.ProbeTarget;
import dev.meridian.app.health.TlsMode;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.app.kubeconfig.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What to probe for a cluster, with exactly the TLS settings its kube context would use. */
public final class ProbeTargets {
    private ProbeTargets() {}

    /** The direct endpoint's {@code /healthz}, or empty when the cluster has no usable endpoint. */
    public static Optional<ProbeTarget> direct(ClusterInfo cluster) {
        if (!(cluster.endpoint() instanceof EndpointState.On on)) {
            return Optional.empty();
        }
        TlsMode tls = on.insecure()
                ? TlsMode.insecure()
                : on.ca().map(ca -> TlsMode.caDataBase64(ca.base64())).orElse(TlsMode.systemTrust());
        return Optional.of(ProbeTarget.forEndpoint(on.hostPort().toString(), tls));
    }

    /**
     * The central route's {@code /healthz}: the gateway the plane records, else the management
     * plane's origin, with the TLS settings central-route contexts use.
     */
    public static ProbeTarget central(ManagementAccess access) {
        ProbeTarget target = ProbeTarget.of(access.centralOrigin() + "/healthz", tlsOf(access.centralTls()));
        return access.centralTls().serverName().map(target::withServerName).orElse(target);
    }

    private static TlsMode tlsOf(TlsSettings tls) {
        if (tls.insecureSkipTlsVerify()) {
            return TlsMode.insecure();
        }
        if (tls.caData().isPresent()) {
            return TlsMode.caDataBase64(tls.caData().get());
        }
        if (tls.caFile().isPresent()) {
            try {
                return TlsMode.caData(Files.readString(Path.of(tls.caFile().get())));
            } catch (IOException e) {
                throw new MeridianException.InvalidInput(
                        "Cannot read the management context's CA file "
                                + tls.caFile().get() + ": " + e.getMessage(),
                        e);
            }
        }
        return TlsMode.systemTrust();
    }
}
