package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Removes an installation: workload and exposure first (so traffic stops), then configuration,
 * identity and RBAC, and the namespace last, only when Meridian created it. Objects are found
 * by the {@code app.kubernetes.io/managed-by=meridian} label, plus the known names of objects
 * that may lack it (the CA Secret the agent writes).
 */
final class AgentRemover {

    private final KubernetesClient client;

    AgentRemover(KubernetesClient client) {
        this.client = client;
    }

    static boolean isManaged(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && AgentNames.MANAGER.equals(labels.get(AgentNames.MANAGED_BY));
    }

    List<ObjectRef> remove(String namespace, ProgressListener listener) {
        List<ObjectRef> deleted = new ArrayList<>();
        try {
            sweep(
                    deleted,
                    listener,
                    () -> client.network()
                            .v1()
                            .ingresses()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.services()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.apps()
                            .deployments()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.rbac()
                            .roleBindings()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.rbac()
                            .roles()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            sweep(
                    deleted,
                    listener,
                    () -> client.secrets()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            deleteNamed(
                    deleted, listener, client.secrets().inNamespace(namespace).withName(AgentNames.CA_SECRET));
            sweep(
                    deleted,
                    listener,
                    () -> client.serviceAccounts()
                            .inNamespace(namespace)
                            .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                            .list()
                            .getItems());
            String clusterWide = AgentNames.clusterRole(namespace);
            deleteNamed(deleted, listener, client.rbac().clusterRoleBindings().withName(clusterWide));
            deleteNamed(deleted, listener, client.rbac().clusterRoles().withName(clusterWide));
            Resource<Namespace> ns = client.namespaces().withName(namespace);
            Namespace existing = ns.get();
            if (existing != null && isManaged(existing)) {
                deleteNamed(deleted, listener, ns);
            }
            return List.copyOf(deleted);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException(
                    "uninstall the agent from namespace " + namespace + " (deleted so far: " + deleted
                            + "); run uninstall again to finish",
                    e);
        }
    }

    private void sweep(
            List<ObjectRef> deleted, ProgressListener listener, Supplier<List<? extends HasMetadata>> labelled) {
        for (HasMetadata object : labelled.get()) {
            if (isManaged(object)) {
                record(
                        deleted,
                        listener,
                        object,
                        client.resource(object).delete().isEmpty());
            }
        }
    }

    private <T extends HasMetadata> void deleteNamed(
            List<ObjectRef> deleted, ProgressListener listener, Resource<T> resource) {
        T object = resource.get();
        if (object != null) {
            record(deleted, listener, object, resource.delete().isEmpty());
        }
    }

    private static void record(List<ObjectRef> deleted, ProgressListener listener, HasMetadata object, boolean gone) {
        if (!gone) {
            ObjectRef ref = ObjectRef.of(object);
            deleted.add(ref);
            listener.onEvent(new ProgressEvent.ObjectDeleted(ref));
        }
    }
}
