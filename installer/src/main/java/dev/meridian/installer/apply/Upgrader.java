package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;
import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.Authority;
import dev.meridian.installer.manifest.DeploymentManifest;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;

/**
 * Changes the image of an installed agent. The Deployment is rebuilt from what the install
 * recorded on it (cluster, host, exposure, replicas, authority) so that the applied object has
 * exactly the fields an install applies: field ownership stays the same and a later install
 * with the same image changes nothing.
 */
final class Upgrader {

    private final KubernetesClient client;
    private final ObjectApplier applier;

    Upgrader(KubernetesClient client, ObjectApplier applier) {
        this.client = client;
        this.applier = applier;
    }

    void upgrade(String namespace, String image, ProgressListener listener) {
        Deployment live;
        try {
            live = client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(AgentNames.AGENT)
                    .get();
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("read Deployment " + namespace + "/" + AgentNames.AGENT, e);
        }
        if (live == null) {
            throw new NotInstalledException(namespace);
        }
        Deployment desired = DeploymentManifest.build(specOf(live).withImage(image));
        ObjectRef ref = ObjectRef.of(desired);
        try {
            HasMetadata after = applier.apply(desired);
            boolean same = after != null
                    && live.getMetadata()
                            .getResourceVersion()
                            .equals(after.getMetadata().getResourceVersion());
            listener.onEvent(new ProgressEvent.ObjectApplied(ref, same ? Change.UNCHANGED : Change.CONFIGURED));
        } catch (KubernetesClientException e) {
            throw new ApplyException(ref, e);
        }
    }

    /** The parts of the install spec that shaped {@code live}. */
    static InstallSpec specOf(Deployment live) {
        Map<String, String> annotations = live.getMetadata().getAnnotations() == null
                ? Map.of()
                : live.getMetadata().getAnnotations();
        String cluster = annotations.get(AgentNames.CLUSTER_ANNOTATION);
        String host = annotations.get(AgentNames.HOST_ANNOTATION);
        String exposure = annotations.get(AgentNames.EXPOSURE_ANNOTATION);
        if (cluster == null || host == null || exposure == null) {
            throw new InstallerException(
                    InstallerException.Failure.INVALID,
                    "Deployment " + live.getMetadata().getNamespace()
                            + "/loft-agent was not installed by Meridian (annotations " + AgentNames.CLUSTER_ANNOTATION
                            + ", "
                            + AgentNames.HOST_ANNOTATION + " or " + AgentNames.EXPOSURE_ANNOTATION + " missing); "
                            + "install the agent with Meridian instead of upgrading it");
        }
        boolean plane = live.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().stream()
                .anyMatch(a -> a.startsWith("--authority-kubeconfig="));
        return InstallSpec.builder(cluster, host)
                .namespace(live.getMetadata().getNamespace())
                .exposure(Exposure.valueOf(exposure))
                .replicas(RolloutWaiter.desiredReplicas(live))
                // Only the Deployment is rebuilt: the authority Secret (and its kubeconfig) stays as it is.
                .authority(plane ? Authority.managementPlane("unchanged") : Authority.local())
                .build();
    }
}
