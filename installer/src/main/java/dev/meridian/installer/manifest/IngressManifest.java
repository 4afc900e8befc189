package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Ingress for the host, with TLS and exactly the annotations of the design contract:
 * long proxy timeouts and large buffers so watches and exec sessions survive, websocket support
 * for {@code loft-agent}, and cert-manager's issuer only when one is given. It is named
 * {@code loft-agent-ingress}, as the platform's documentation names it, and lives in the agent's
 * namespace because an Ingress can only route to a Service in its own namespace.
 */
public final class IngressManifest {

    public static final String READ_TIMEOUT = "nginx.ingress.kubernetes.io/proxy-read-timeout";
    public static final String SEND_TIMEOUT = "nginx.ingress.kubernetes.io/proxy-send-timeout";
    public static final String BUFFERS_NUMBER = "nginx.ingress.kubernetes.io/proxy-buffers-number";
    public static final String BUFFER_SIZE = "nginx.ingress.kubernetes.io/proxy-buffer-size";
    public static final String WEBSOCKET_SERVICES = "nginx.org/websocket-services";
    public static final String CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";

    private IngressManifest() {}

    /** The annotations the Ingress carries for this spec, in a stable order. */
    public static Map<String, String> annotations(InstallSpec spec) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(READ_TIMEOUT, "43200");
        annotations.put(SEND_TIMEOUT, "43200");
        annotations.put(BUFFERS_NUMBER, "8 32k");
        annotations.put(BUFFER_SIZE, "32k");
        annotations.put(WEBSOCKET_SERVICES, AgentNames.AGENT);
        if (spec.hasClusterIssuer()) {
            annotations.put(CLUSTER_ISSUER, spec.clusterIssuer());
        }
        return Collections.unmodifiableMap(annotations);
    }

    /** The Ingress, or empty when the agent is exposed by a LoadBalancer or NodePort Service. */
    public static Optional<Ingress> build(InstallSpec spec) {
        if (spec.exposure() != Exposure.INGRESS) {
            return Optional.empty();
        }
        return Optional.of(new IngressBuilder()
                .withNewMetadata()
                .withName(AgentNames.INGRESS)
                .withNamespace(spec.namespace())
                .withLabels(AgentNames.labels(spec))
                .withAnnotations(annotations(spec))
                .endMetadata()
                .withNewSpec()
                .withIngressClassName(spec.ingressClass())
                .addNewTl()
                .withHosts(spec.host())
                .withSecretName(spec.tlsSecret())
                .endTl()
                .addNewRule()
                .withHost(spec.host())
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(AgentNames.AGENT)
                .withNewPort()
                .withNumber(ServiceManifest.SERVICE_PORT)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build());
    }
}
