package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.Exposure;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads what is installed in a namespace. */
final class StatusReader {

    private final KubernetesClient client;

    StatusReader(KubernetesClient client) {
        this.client = client;
    }

    AgentStatus read(String namespace) {
        try {
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(AgentNames.AGENT)
                    .get();
            if (deployment == null) {
                return AgentStatus.notInstalled(namespace);
            }
            Map<String, String> annotations = deployment.getMetadata().getAnnotations() == null
                    ? Map.of()
                    : deployment.getMetadata().getAnnotations();
            Exposure exposure = parseExposure(annotations.get(AgentNames.EXPOSURE_ANNOTATION));
            String image = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getImage();
            return new AgentStatus(
                    namespace,
                    true,
                    image,
                    versionOf(image),
                    RolloutWaiter.desiredReplicas(deployment),
                    RolloutWaiter.readyReplicas(deployment),
                    annotations.get(AgentNames.HOST_ANNOTATION),
                    exposure,
                    address(namespace, exposure),
                    readCaPem(client, namespace));
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read the agent's status in namespace " + namespace, e);
        }
    }

    static String readCaPem(KubernetesClient client, String namespace) {
        try {
            return RolloutWaiter.caPem(client.secrets()
                    .inNamespace(namespace)
                    .withName(AgentNames.CA_SECRET)
                    .get());
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read Secret " + namespace + "/" + AgentNames.CA_SECRET, e);
        }
    }

    /** The tag of an image reference; null for a digest-only or untagged reference. */
    static String versionOf(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
    }

    private String address(String namespace, Exposure exposure) {
        if (exposure == Exposure.INGRESS) {
            Ingress ingress = ingress(namespace);
            return ingress == null
                            || ingress.getStatus() == null
                            || ingress.getStatus().getLoadBalancer() == null
                    ? null
                    : firstAddress(
                            ingress.getStatus().getLoadBalancer().getIngress(),
                            IngressLoadBalancerIngress::getHostname,
                            IngressLoadBalancerIngress::getIp);
        }
        Service service = client.services()
                .inNamespace(namespace)
                .withName(AgentNames.EXTERNAL_SERVICE)
                .get();
        return service == null
                        || service.getStatus() == null
                        || service.getStatus().getLoadBalancer() == null
                ? null
                : firstAddress(
                        service.getStatus().getLoadBalancer().getIngress(),
                        LoadBalancerIngress::getHostname,
                        LoadBalancerIngress::getIp);
    }

    /**
     * The agent's Ingress: {@code loft-agent-ingress}, else the one Meridian manages under another
     * name (one it adopted, or {@code loft-agent} of an install made before the rename); null if none.
     */
    private Ingress ingress(String namespace) {
        List<Ingress> ours = client.network()
                .v1()
                .ingresses()
                .inNamespace(namespace)
                .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                .list()
                .getItems();
        return ours.stream()
                .filter(i -> i.getMetadata().getName().equals(AgentNames.INGRESS))
                .findFirst()
                .orElse(ours.isEmpty() ? null : ours.get(0));
    }

    /** The host name, else the IP, of a load balancer's first ingress point; null before it has one. */
    private static <T> String firstAddress(List<T> points, Function<T, String> hostname, Function<T, String> ip) {
        return points == null || points.isEmpty()
                ? null
                : first(hostname.apply(points.get(0)), ip.apply(points.get(0)));
    }

    private static Exposure parseExposure(String value) {
        try {
            return value == null ? Exposure.INGRESS : Exposure.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Exposure.INGRESS;
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
