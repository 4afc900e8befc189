package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes an installation: workload and exposure first (so traffic stops), then configuration,
 * identity and RBAC, and the namespace last, only when Meridian created it. An Ingress the install
 * adopted is put back as it was, from {@link AgentNames#ADOPTED_ANNOTATION}, not deleted. Objects are found
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
            // Workload and exposure first, so traffic stops; then configuration, RBAC and identity.
            // An adopted Ingress goes back to what it was (and so loses our label) instead of being deleted.
            restoreAdopted(listener, namespace);
            sweep(deleted, listener, namespace, client.network().v1().ingresses());
            sweep(deleted, listener, namespace, client.services());
            sweep(deleted, listener, namespace, client.policy().v1().podDisruptionBudget());
            sweep(deleted, listener, namespace, client.apps().deployments());
            sweep(deleted, listener, namespace, client.rbac().roleBindings());
            sweep(deleted, listener, namespace, client.rbac().roles());
            sweep(deleted, listener, namespace, client.secrets());
            deleteNamed(
                    deleted, listener, client.secrets().inNamespace(namespace).withName(AgentNames.CA_SECRET));
            sweep(deleted, listener, namespace, client.serviceAccounts());
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

    private void restoreAdopted(ProgressListener listener, String namespace) {
        List<Ingress> ours = client.network()
                .v1()
                .ingresses()
                .inNamespace(namespace)
                .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                .list()
                .getItems();
        for (Ingress live : ours) {
            Map<String, String> annotations = live.getMetadata().getAnnotations();
            String before = annotations == null ? null : annotations.get(AgentNames.ADOPTED_ANNOTATION);
            if (before != null && isManaged(live)) {
                Ingress original = client.getKubernetesSerialization().unmarshal(before, Ingress.class);
                original.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                client.resource(original).update();
                listener.onEvent(new ProgressEvent.ObjectRestored(ObjectRef.of(live)));
            }
        }
    }

    /** Deletes the objects of one {@code kind} in {@code namespace} that carry Meridian's label. */
    private void sweep(
            List<ObjectRef> deleted,
            ProgressListener listener,
            String namespace,
            MixedOperation<? extends HasMetadata, ? extends KubernetesResourceList<? extends HasMetadata>, ?> kind) {
        List<? extends HasMetadata> labelled = kind.inNamespace(namespace)
                .withLabel(AgentNames.MANAGED_BY, AgentNames.MANAGER)
                .list()
                .getItems();
        for (HasMetadata object : labelled) {
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
