package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.AgentNames;
import dev.meridian.installer.manifest.Exposure;
import dev.meridian.installer.manifest.InstallSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, before an install applies anything, which Ingress will serve the host. ingress-nginx's
 * admission webhook refuses two Ingresses with the same host and path, and the platform's
 * documentation has admins create {@code loft-agent-ingress} by hand; so an Ingress already routing
 * the host is taken over when it lives in the agent's namespace (an Ingress reaches only Services of
 * its own namespace) and nothing else manages it, and otherwise the install is refused naming it.
 * An adopted Ingress keeps what it was in {@link AgentNames#ADOPTED_ANNOTATION}, so uninstall puts
 * it back rather than deleting an object an admin made. Meridian's Ingress under its former name
 * ({@link AgentNames#LEGACY_INGRESS}) is deleted before the new one is applied, for the same webhook.
 */
final class IngressClaim {

    /** Paths that clash with the agent's Ingress: its own {@code /} and the documentation's route. */
    private static final Set<String> AGENT_PATHS = Set.of("/", "/kubernetes/cluster");

    private final KubernetesClient client;
    private final String name;
    private final String adoptedFrom;
    private final Ingress adopted;
    private Ingress legacy;

    private IngressClaim(KubernetesClient client, String name, String adoptedFrom, Ingress adopted, Ingress legacy) {
        this.client = client;
        this.name = name;
        this.adoptedFrom = adoptedFrom;
        this.adopted = adopted;
        this.legacy = legacy;
    }

    /**
     * Looks at the Ingresses of the agent's namespace and, when the client may list them, of the
     * whole cluster.
     *
     * @throws IngressTakenException an Ingress Meridian cannot adopt routes the host
     * @throws ClusterAccessException the namespace's Ingresses could not be listed
     */
    static IngressClaim inspect(KubernetesClient client, InstallSpec spec) {
        String namespace = spec.namespace();
        List<Ingress> local = list(client, namespace);
        Ingress legacy = local.stream()
                .filter(i -> i.getMetadata().getName().equals(AgentNames.LEGACY_INGRESS) && AgentRemover.isManaged(i))
                .findFirst()
                .orElse(null);
        if (spec.exposure() != Exposure.INGRESS) {
            return new IngressClaim(client, null, null, null, legacy);
        }
        List<Ingress> rest = local.stream().filter(i -> i != legacy).toList();
        Ingress ours = rest.stream()
                .filter(AgentRemover::isManaged)
                .filter(i -> isNamed(i) || annotation(i) != null)
                .findFirst()
                .orElse(null);
        Ingress target = ours;
        String adoptedFrom = ours == null ? null : annotation(ours);
        Ingress adopted = null;
        if (ours == null) {
            List<Ingress> candidates = rest.stream()
                    .filter(i -> isNamed(i) || clashes(i, spec.host()))
                    .sorted((a, b) -> Boolean.compare(isNamed(b), isNamed(a)))
                    .toList();
            if (!candidates.isEmpty()) {
                adopted = candidates.get(0);
                requireAdoptable(adopted, spec);
                target = adopted;
                adoptedFrom = snapshot(client, adopted);
            }
        }
        Set<ObjectRef> known = new java.util.HashSet<>();
        for (Ingress mine : java.util.Arrays.asList(target, legacy)) {
            if (mine != null) {
                known.add(ObjectRef.of(mine));
            }
        }
        for (Ingress other : clusterWide(client, namespace, local)) {
            if (!known.contains(ObjectRef.of(other)) && clashes(other, spec.host())) {
                throw refuseClash(other, spec);
            }
        }
        String name = target == null ? AgentNames.INGRESS : target.getMetadata().getName();
        return new IngressClaim(client, name, adoptedFrom, adopted, legacy);
    }

    /**
     * The built Ingress as it is to be applied: under the name of the Ingress it takes over, and
     * carrying what that Ingress was. Emits {@link ProgressEvent.ObjectAdopted} when it adopts now.
     */
    Ingress shape(Ingress built, InstallSpec spec, ProgressListener listener) {
        Map<String, String> annotations =
                new LinkedHashMap<>(built.getMetadata().getAnnotations());
        if (adoptedFrom != null) {
            annotations.put(AgentNames.ADOPTED_ANNOTATION, adoptedFrom);
        }
        Ingress shaped = new IngressBuilder(built)
                .editMetadata()
                .withName(name)
                .withAnnotations(annotations)
                .endMetadata()
                .build();
        if (adopted != null) {
            listener.onEvent(new ProgressEvent.ObjectAdopted(
                    ObjectRef.of(shaped),
                    "it already routed " + spec.host() + "; it now routes to Service " + AgentNames.AGENT
                            + ", and uninstall puts it back as it was"));
        }
        return shaped;
    }

    /** Deletes Meridian's Ingress under its former name, once; before the new one so the webhook admits it. */
    void retireLegacy(ProgressListener listener) {
        if (legacy == null) {
            return;
        }
        ObjectRef ref = ObjectRef.of(legacy);
        try {
            client.resource(legacy).delete();
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("delete " + ref + ", the agent's Ingress under its former name", e);
        }
        legacy = null;
        listener.onEvent(new ProgressEvent.ObjectDeleted(ref));
    }

    private static List<Ingress> list(KubernetesClient client, String namespace) {
        try {
            return client.network()
                    .v1()
                    .ingresses()
                    .inNamespace(namespace)
                    .list()
                    .getItems();
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("list the Ingresses in namespace " + namespace, e);
        }
    }

    /** Every Ingress of the cluster, or only the namespace's when the client may not list them all. */
    private static List<Ingress> clusterWide(KubernetesClient client, String namespace, List<Ingress> local) {
        try {
            return client.network().v1().ingresses().inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return local;
            }
            throw new ClusterAccessException("list the cluster's Ingresses", e);
        }
    }

    private static void requireAdoptable(Ingress candidate, InstallSpec spec) {
        ObjectRef ref = ObjectRef.of(candidate);
        String owner = owner(candidate);
        if (owner != null) {
            throw new IngressTakenException(
                    ref,
                    ref + " already routes " + spec.host() + " and is managed by " + owner
                            + ", so Meridian cannot adopt it; remove it where it is managed, or install for another host.");
        }
        Set<String> hosts = hosts(candidate);
        if (!hosts.equals(Set.of(spec.host()))) {
            throw new IngressTakenException(
                    ref,
                    ref + " routes " + (hosts.isEmpty() ? "no host" : String.join(", ", hosts)) + ", not only "
                            + spec.host() + ", so Meridian cannot adopt it; delete or rename it, or install for the"
                            + " host it routes.");
        }
    }

    private static IngressTakenException refuseClash(Ingress other, InstallSpec spec) {
        ObjectRef ref = ObjectRef.of(other);
        String why = AgentRemover.isManaged(other)
                ? "for the Meridian agent in namespace " + ref.namespace() + "; uninstall that agent"
                : "and Meridian can adopt only an Ingress in namespace " + spec.namespace()
                        + " that nothing else manages; delete it";
        return new IngressTakenException(
                ref,
                ref + " already routes " + spec.host() + " " + why + ", or install for another host"
                        + " (ingress-nginx refuses two Ingresses for the same host and path).");
    }

    /** Who else manages {@code ingress}: an owner reference, or another {@code managed-by} label. */
    private static String owner(Ingress ingress) {
        var references = ingress.getMetadata().getOwnerReferences();
        if (references != null && !references.isEmpty()) {
            return references.get(0).getKind() + " " + references.get(0).getName();
        }
        Map<String, String> labels = ingress.getMetadata().getLabels();
        String manager = labels == null ? null : labels.get(AgentNames.MANAGED_BY);
        return manager == null || manager.equals(AgentNames.MANAGER) ? null : manager;
    }

    /** True when {@code ingress} has a rule for {@code host} on a path the agent's Ingress uses. */
    static boolean clashes(Ingress ingress, String host) {
        for (IngressRule rule : rules(ingress)) {
            if (host.equals(rule.getHost())
                    && rule.getHttp() != null
                    && rule.getHttp().getPaths() != null) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    if (AGENT_PATHS.contains(normalise(path.getPath()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String normalise(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static Set<String> hosts(Ingress ingress) {
        Set<String> hosts = new TreeSet<>();
        for (IngressRule rule : rules(ingress)) {
            if (rule.getHost() != null) {
                hosts.add(rule.getHost());
            }
        }
        return hosts;
    }

    private static List<IngressRule> rules(Ingress ingress) {
        return ingress.getSpec() == null || ingress.getSpec().getRules() == null
                ? new ArrayList<>()
                : ingress.getSpec().getRules();
    }

    private static boolean isNamed(Ingress ingress) {
        return ingress.getMetadata().getName().equals(AgentNames.INGRESS);
    }

    private static String annotation(Ingress ingress) {
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(AgentNames.ADOPTED_ANNOTATION);
    }

    /** The adopted Ingress as uninstall puts it back: its name, labels, annotations and spec. */
    private static String snapshot(KubernetesClient client, Ingress ingress) {
        Ingress before = new IngressBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(ingress.getMetadata().getName())
                        .withNamespace(ingress.getMetadata().getNamespace())
                        .withLabels(ingress.getMetadata().getLabels())
                        .withAnnotations(ingress.getMetadata().getAnnotations())
                        .build())
                .withSpec(ingress.getSpec())
                .build();
        return client.getKubernetesSerialization().asJson(before);
    }
}
