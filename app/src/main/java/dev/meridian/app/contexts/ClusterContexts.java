package dev.meridian.app.contexts;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.EndpointState;
import dev.meridian.app.kubeconfig.ContextSpec;
import dev.meridian.app.kubeconfig.DirectEndpoint;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins the fleet and the kubeconfig: which route a cluster's context takes, and the work done
 * through that route (spaces). Shared by the CLI and the desktop app.
 */
public final class ClusterContexts {

    private final ManagementAccess access;

    public ClusterContexts(ManagementAccess access) {
        this.access = access;
    }

    /** The context for a cluster, or for a space in it when {@code space} is not null. */
    public ContextSpec specFor(ClusterInfo cluster, String space) {
        if (space != null) {
            requireSpaceName(space);
        }
        return ContextSpec.of(cluster.name(), directEndpoint(cluster).orElse(null), space, access);
    }

    /** The direct endpoint a context should use; empty for the central route. */
    public static Optional<DirectEndpoint> directEndpoint(ClusterInfo cluster) {
        EndpointState state = cluster.endpoint();
        if (state instanceof EndpointState.On on) {
            return Optional.of(new DirectEndpoint(
                    on.hostPort().toString(),
                    on.insecure(),
                    on.ca().map(ca -> ca.base64()).orElse(null)));
        }
        if (state instanceof EndpointState.Invalid invalid) {
            throw new MeridianException.InvalidInput("The direct endpoint of cluster '" + cluster.name()
                    + "' is invalid: " + String.join("; ", invalid.problems()) + " Fix it with 'meridian endpoint set "
                    + cluster.name() + " HOST' or remove it with 'meridian endpoint clear " + cluster.name() + "'.");
        }
        return Optional.empty();
    }

    /** A client that talks to the cluster through the context's route, with the context's credential. */
    public static KubernetesClient openClient(KubeconfigService kubeconfig, ContextSpec spec) {
        Config config = Config.fromKubeconfig(kubeconfig.render(spec));
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Creates the space's namespace through the route of {@code spec}. */
    public static void createSpace(KubeconfigService kubeconfig, ContextSpec spec) {
        String space = spec.namespace().orElseThrow(() -> new IllegalArgumentException("not a space context"));
        Namespace namespace = new NamespaceBuilder()
                .withNewMetadata()
                .withName(space)
                .withLabels(Map.of("app.kubernetes.io/created-by", "meridian"))
                .endMetadata()
                .build();
        try (KubernetesClient client = openClient(kubeconfig, spec)) {
            client.namespaces().resource(namespace).create();
        } catch (KubernetesClientException e) {
            throw spaceError("create space '" + space + "'", spec, e);
        }
    }

    /** The names of the cluster's spaces (namespaces), sorted, listed through the route of {@code spec}. */
    public static List<String> listSpaces(KubeconfigService kubeconfig, ContextSpec spec) {
        try (KubernetesClient client = openClient(kubeconfig, spec)) {
            return client.namespaces().list().getItems().stream()
                    .map(ns -> ns.getMetadata().getName())
                    .sorted()
                    .toList();
        } catch (KubernetesClientException e) {
            throw spaceError("list the spaces", spec, e);
        }
    }

    /** Why {@code space} cannot name a space, or empty when it can. */
    public static Optional<String> spaceNameProblem(String space) {
        if (space == null || space.isEmpty()) {
            return Optional.of("Enter a name for the space.");
        }
        if (!dev.meridian.app.core.DnsLabels.isLabel(space)) {
            return Optional.of("'" + space + "' is not a valid space name: use at most 63 lower-case letters, "
                    + "digits and '-', starting and ending with a letter or digit.");
        }
        return Optional.empty();
    }

    /** Whether the space exists, asked through the route of {@code spec}. */
    public static boolean spaceExists(KubeconfigService kubeconfig, ContextSpec spec) {
        String space = spec.namespace().orElseThrow(() -> new IllegalArgumentException("not a space context"));
        try (KubernetesClient client = openClient(kubeconfig, spec)) {
            return client.namespaces().withName(space).get() != null;
        } catch (KubernetesClientException e) {
            throw spaceError("look up space '" + space + "'", spec, e);
        }
    }

    private static MeridianException spaceError(String action, ContextSpec spec, KubernetesClientException e) {
        String where = " in cluster '" + spec.cluster() + "' through " + spec.server();
        if (e.getCode() == 409) {
            return new MeridianException.Conflict(
                    "Could not " + action + where + ": it already exists. " + "Switch to it with 'meridian space use "
                            + spec.space() + " --cluster " + spec.cluster() + "'.",
                    e);
        }
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new MeridianException.InvalidInput(
                    "Could not " + action + where + ": the cluster refused " + "(HTTP " + e.getCode() + ": "
                            + e.getStatus().getMessage() + ").",
                    e);
        }
        if (e.getCode() > 0) {
            return new MeridianException.InvalidInput(
                    "Could not " + action + where + ": HTTP " + e.getCode()
                            + (e.getStatus() != null && e.getStatus().getMessage() != null
                                    ? " (" + e.getStatus().getMessage() + ")"
                                    : "")
                            + ".",
                    e);
        }
        return new MeridianException.ManagementPlane(
                "Could not " + action + where + ": the route is unreachable (" + e.getMessage()
                        + "). Check the endpoint with 'meridian endpoint show " + spec.cluster() + "'.",
                e);
    }

    private static void requireSpaceName(String space) {
        spaceNameProblem(space).ifPresent(problem -> {
            throw new MeridianException.InvalidInput(problem);
        });
    }
}
