package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent pods: non-root, read-only root filesystem (an emptyDir for {@code /tmp}), bounded
 * resources, probes on {@code /healthz} (8080) and {@code /readyz} (admin port 8081, opened to the
 * pod IP for the kubelet), spread across nodes so a node loss keeps the endpoint up.
 */
public final class DeploymentManifest {

    static final String CONTAINER = "agent";
    /** The agent keeps its unauthenticated admin port on loopback unless told otherwise. */
    static final String ADMIN_BIND_ENV = "MERIDIAN_ADMIN_BIND_ADDRESS";

    static final long RUN_AS_USER = 65532L;

    private DeploymentManifest() {}

    public static Deployment build(InstallSpec spec) {
        Map<String, String> annotations = new LinkedHashMap<>(AgentNames.annotations(spec));
        annotations.put(AgentNames.HOST_ANNOTATION, spec.host());
        annotations.put(AgentNames.EXPOSURE_ANNOTATION, spec.exposure().name());
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(AgentNames.AGENT)
                .withNamespace(spec.namespace())
                .withLabels(AgentNames.labels(spec))
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withReplicas(spec.replicas())
                .withRevisionHistoryLimit(3)
                .withNewSelector()
                .withMatchLabels(AgentNames.selector())
                .endSelector()
                .withNewStrategy()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0))
                .withMaxSurge(new IntOrString(1))
                .endRollingUpdate()
                .endStrategy()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(AgentNames.labels(spec))
                .endMetadata()
                .withSpec(podSpec(spec))
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The arguments the agent starts with (see the proxy-agent's {@code --help}). */
    public static List<String> args(InstallSpec spec) {
        List<String> args = new ArrayList<>();
        args.add("--port=" + AgentNames.HTTP_PORT);
        args.add("--admin-port=" + AgentNames.ADMIN_PORT);
        if (spec.isGateway()) {
            args.add("--mode=" + spec.mode().flag());
        } else {
            // A plane that reaches this cluster through its agent (cluster connect --server <endpoint>)
            // sends its users as Impersonate-* headers; the agent honours them only from the gateway's
            // identity and only as far as this cluster's RBAC lets that identity impersonate.
            args.add("--trusted-proxy=" + ConnectManifests.gatewayUsername(PlaneManifests.DEFAULT_NAMESPACE));
        }
        if (spec.exposure().isServedByAgentTls()) {
            args.add("--self-signed");
        }
        if (spec.authority() instanceof Authority.ManagementPlane) {
            args.add("--authority-kubeconfig=" + AgentNames.AUTHORITY_MOUNT + "/" + AgentNames.AUTHORITY_KEY);
        }
        return List.copyOf(args);
    }

    private static PodSpec podSpec(InstallSpec spec) {
        PodSpecBuilder pod = new PodSpecBuilder()
                .withServiceAccountName(AgentNames.AGENT)
                .withAutomountServiceAccountToken(true)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withRunAsGroup(RUN_AS_USER)
                .withFsGroup(RUN_AS_USER)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewTopologySpreadConstraint()
                .withMaxSkew(1)
                .withTopologyKey("kubernetes.io/hostname")
                // A single-node cluster must still run both replicas.
                .withWhenUnsatisfiable("ScheduleAnyway")
                .withNewLabelSelector()
                .withMatchLabels(AgentNames.selector())
                .endLabelSelector()
                .endTopologySpreadConstraint()
                .withNewAffinity()
                .withNewPodAntiAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100)
                .withNewPodAffinityTerm()
                .withTopologyKey("kubernetes.io/hostname")
                .withNewLabelSelector()
                .withMatchLabels(AgentNames.selector())
                .endLabelSelector()
                .endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity()
                .endAffinity()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .withContainers(container(spec));
        if (spec.authority() instanceof Authority.ManagementPlane) {
            pod.addNewVolume()
                    .withName("authority")
                    .withNewSecret()
                    .withSecretName(AgentNames.AUTHORITY_SECRET)
                    .withDefaultMode(0400)
                    .endSecret()
                    .endVolume();
        }
        return pod.build();
    }

    private static Container container(InstallSpec spec) {
        String scheme = spec.exposure().isServedByAgentTls() ? "HTTPS" : "HTTP";
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withArgs(args(spec))
                .addNewEnv()
                .withName("POD_NAMESPACE")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.namespace")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                // The kubelet probes /readyz at the pod IP, which a loopback-only admin port would refuse.
                .addNewEnv()
                .withName(ADMIN_BIND_ENV)
                .withValue("0.0.0.0")
                .endEnv()
                .addNewPort()
                .withName("http")
                .withContainerPort(AgentNames.HTTP_PORT)
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName("admin")
                .withContainerPort(AgentNames.ADMIN_PORT)
                .withProtocol("TCP")
                .endPort()
                .withLivenessProbe(probe("/healthz", AgentNames.HTTP_PORT, scheme, 10, 3))
                .withReadinessProbe(probe("/readyz", AgentNames.ADMIN_PORT, "HTTP", 5, 2))
                .withNewResources()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("128Mi"))
                .addToLimits("cpu", new Quantity("1"))
                .addToLimits("memory", new Quantity("512Mi"))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount();
        if (spec.authority() instanceof Authority.ManagementPlane) {
            container
                    .addNewVolumeMount()
                    .withName("authority")
                    .withMountPath(AgentNames.AUTHORITY_MOUNT)
                    .withReadOnly(true)
                    .endVolumeMount();
        }
        return container.build();
    }

    private static Probe probe(String path, int port, String scheme, int period, int failures) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString(port))
                .withScheme(scheme)
                .endHttpGet()
                .withInitialDelaySeconds(5)
                .withPeriodSeconds(period)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failures)
                .build();
    }
}
