package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressPortStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * What an Ingress install learns once the ingress controller and cert-manager did their part: the
 * port its load balancer publishes when it is not 443, and the CA of a certificate that a cluster
 * issuer wrote into the TLS Secret. cert-manager fills {@code ca.crt} for a private (CA or self-signed)
 * issuer and leaves it empty for a public one such as ACME, so only a private CA is ever recorded.
 */
final class IngressCertificate {
    private static final int HTTPS = 443;

    private final KubernetesClient client;
    private final ResourceWaiter waiter;

    IngressCertificate(KubernetesClient client, Duration pollInterval) {
        this.client = client;
        this.waiter = new ResourceWaiter(pollInterval);
    }

    /**
     * Waits for the issuer to fill the TLS Secret with a certificate; returns its {@code ca.crt}, or null
     * when the issuer gives none.
     */
    String awaitIssuedCaPem(InstallSpec spec, Duration timeout, long deadlineNanos, ProgressListener listener) {
        try {
            Secret secret = waiter.await(
                    client.secrets().inNamespace(spec.namespace()).withName(spec.tlsSecret()),
                    s -> !value(s, "tls.crt").isBlank(),
                    s -> {},
                    deadlineNanos);
            String ca = value(secret, "ca.crt");
            if (ca.isBlank()) {
                return null;
            }
            listener.onEvent(new ProgressEvent.CaCertificateRead(ObjectRef.of(secret)));
            return ca;
        } catch (TimeoutException e) {
            throw new WaitTimeoutException(
                    "cluster issuer " + spec.clusterIssuer() + " to issue the certificate in Secret " + spec.namespace()
                            + "/" + spec.tlsSecret(),
                    timeout,
                    "See 'kubectl -n " + spec.namespace() + " describe certificate', then run the same command again.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallInterruptedException("waiting for the certificate in " + spec.namespace(), e);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read Secret " + spec.namespace() + "/" + spec.tlsSecret(), e);
        }
    }

    /** The CA in the TLS Secret as it is now (no wait), or null. */
    String readIssuedCaPem(InstallSpec spec) {
        try {
            String ca = value(
                    client.secrets()
                            .inNamespace(spec.namespace())
                            .withName(spec.tlsSecret())
                            .get(),
                    "ca.crt");
            return ca.isBlank() ? null : ca;
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read Secret " + spec.namespace() + "/" + spec.tlsSecret(), e);
        }
    }

    /**
     * {@code host}, or {@code host:port} when an Ingress for the host publishes a load-balancer port
     * other than 443 (a local ingress that cannot take 443, for one).
     */
    String endpoint(InstallSpec spec) {
        try {
            for (Ingress ingress : client.network()
                    .v1()
                    .ingresses()
                    .inNamespace(spec.namespace())
                    .list()
                    .getItems()) {
                boolean forHost = ingress.getSpec() != null
                        && ingress.getSpec().getRules() != null
                        && ingress.getSpec().getRules().stream()
                                .anyMatch(r -> spec.host().equals(r.getHost()));
                Integer port = forHost ? publishedPort(ingress) : null;
                if (port != null && port != HTTPS) {
                    return spec.host() + ":" + port;
                }
            }
            return spec.host();
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("list the Ingresses in namespace " + spec.namespace(), e);
        }
    }

    private static Integer publishedPort(Ingress ingress) {
        if (ingress.getStatus() == null || ingress.getStatus().getLoadBalancer() == null) {
            return null;
        }
        List<IngressLoadBalancerIngress> points =
                ingress.getStatus().getLoadBalancer().getIngress();
        if (points == null || points.isEmpty() || points.get(0).getPorts() == null) {
            return null;
        }
        return points.get(0).getPorts().stream()
                .map(IngressPortStatus::getPort)
                .findFirst()
                .orElse(null);
    }

    private static String value(Secret secret, String key) {
        if (secret == null) {
            return "";
        }
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        if (secret.getStringData() != null && secret.getStringData().get(key) != null) {
            return secret.getStringData().get(key);
        }
        return "";
    }
}
