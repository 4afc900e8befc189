package dev.meridian.app.sandbox.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the fields of the built-in kinds the sandbox serves merge, for strategic merge patch
 * ({@code patchStrategy}/{@code patchMergeKey} in Kubernetes' Go types) and for server-side
 * apply ({@code listType}/{@code listMapKey}, {@code structType}/{@code mapType}). Fields are
 * looked up by the type that holds them, so a PodSpec merges alike in a Pod, in a workload's
 * template and in a CronJob's job template. A field not listed merges by its shape: maps merge
 * field by field, lists are replaced whole (atomic), which is also what both mechanisms do for
 * untagged fields of custom resources.
 */
final class PatchMeta {
    /** How server-side apply treats a field; null in {@link Field#ssa()} means "by its shape". */
    enum Ssa {
        /** A map or struct whose fields are owned one by one. */
        GRANULAR,
        /** Owned and replaced as a whole. */
        ATOMIC,
        /** A list of scalars merged as a set; items are owned as {@code v:} values. */
        SET,
        /** A list of objects merged by key; items are owned as {@code k:} keys. */
        MAP
    }

    /**
     * One field's rules.
     *
     * @param type the type name of the field's value (of each item, for lists), or null if no
     *     field below it has rules of its own
     * @param smp the patch strategy: "merge", "replace", "retainKeys" or "" (by shape)
     * @param smpKey the patch merge key of a list of objects merged by "merge"
     * @param ssa the apply rule, or null for "by shape"
     * @param ssaKeys the list map keys when {@code ssa} is MAP
     */
    record Field(String type, String smp, String smpKey, Ssa ssa, List<String> ssaKeys) {
        boolean smpMerges() {
            return smp.equals("merge");
        }
    }

    static final Field BY_SHAPE = new Field(null, "", null, null, List.of());

    /** The API groups whose kinds are compiled into the API server, so have patch metadata. */
    private static final Set<String> BUILT_IN_GROUPS =
            Set.of("", "apps", "batch", "networking.k8s.io", "rbac.authorization.k8s.io", "policy");

    private static final Map<String, String> ROOTS = Map.ofEntries(
            Map.entry("Pod", "Pod"),
            Map.entry("PodTemplate", "PodTemplate"),
            Map.entry("Deployment", "Workload"),
            Map.entry("ReplicaSet", "Workload"),
            Map.entry("DaemonSet", "Workload"),
            Map.entry("StatefulSet", "Workload"),
            Map.entry("ReplicationController", "ReplicationController"),
            Map.entry("Job", "Job"),
            Map.entry("CronJob", "CronJob"),
            Map.entry("Service", "Service"),
            Map.entry("ServiceAccount", "ServiceAccount"),
            Map.entry("Node", "Node"),
            Map.entry("RoleBinding", "RoleBinding"),
            Map.entry("ClusterRoleBinding", "RoleBinding"),
            Map.entry("PodDisruptionBudget", "PodDisruptionBudget"));

    private static final Map<String, Map<String, Field>> TYPES = new HashMap<>();

    static {
        type("ObjectMeta")
                .set("finalizers")
                .keyed("ownerReferences", null, "uid")
                .atomic("managedFields");
        type("LabelSelector");
        type("Object").root();
        type("Status").keyed("conditions", null, "type");

        type("Pod").root().struct("spec", "PodSpec").struct("status", "PodStatus");
        type("PodTemplate").root().struct("template", "PodTemplateSpec");
        type("PodTemplateSpec").struct("metadata", "ObjectMeta").struct("spec", "PodSpec");
        type("PodSpec")
                .keyed("containers", "Container", "name")
                .keyed("initContainers", "Container", "name")
                .keyed("ephemeralContainers", "Container", "name")
                .keyed("volumes", "Volume", "name")
                .keyed("imagePullSecrets", null, "name")
                .keyed("hostAliases", null, "ip")
                .keyed("topologySpreadConstraints", null, "topologyKey", "topologyKey", "whenUnsatisfiable")
                .keyed("schedulingGates", null, "name")
                .keyed("resourceClaims", null, "name")
                .atomic("nodeSelector")
                .atomic("tolerations")
                .atomic("readinessGates")
                .struct("affinity", "Affinity");
        type("Affinity").struct("nodeAffinity", "NodeAffinity");
        type("NodeAffinity").atomic("requiredDuringSchedulingIgnoredDuringExecution");
        type("Container")
                .keyed("ports", null, "containerPort", "containerPort", "protocol")
                .keyed("env", "EnvVar", "name")
                .keyed("volumeMounts", null, "mountPath")
                .keyed("volumeDevices", null, "devicePath")
                .struct("resources", "ResourceRequirements")
                .atomic("command")
                .atomic("args")
                .atomic("envFrom");
        type("EnvVar").struct("valueFrom", "EnvVarSource");
        type("EnvVarSource")
                .atomic("configMapKeyRef")
                .atomic("secretKeyRef")
                .atomic("fieldRef")
                .atomic("resourceFieldRef");
        type("ResourceRequirements").keyed("claims", null, "name");
        type("Volume").struct("secret", "KeyedItems").struct("configMap", "KeyedItems");
        type("KeyedItems").atomic("items");
        type("PodStatus").keyed("conditions", null, "type").keyed("podIPs", null, "ip");

        type("Workload").root().struct("spec", "WorkloadSpec").struct("status", "Status");
        type("WorkloadSpec")
                .atomic("selector")
                .struct("template", "PodTemplateSpec")
                .retainKeys("strategy")
                .atomic("volumeClaimTemplates");
        type("ReplicationController").root().struct("spec", "ReplicationControllerSpec");
        type("ReplicationControllerSpec").atomic("selector").struct("template", "PodTemplateSpec");
        type("Job").root().struct("spec", "JobSpec").struct("status", "JobStatus");
        type("JobSpec").atomic("selector").struct("template", "PodTemplateSpec");
        // Job conditions merge by type in a patch but are atomic to apply (listType=atomic).
        type("JobStatus").put("conditions", new Field(null, "merge", "type", Ssa.ATOMIC, List.of()));
        type("CronJob").root().struct("spec", "CronJobSpec");
        type("CronJobSpec").struct("jobTemplate", "JobTemplateSpec");
        type("JobTemplateSpec").struct("metadata", "ObjectMeta").struct("spec", "JobSpec");

        type("Service").root().struct("spec", "ServiceSpec");
        type("ServiceSpec").keyed("ports", null, "port", "port", "protocol").atomic("selector");
        type("ServiceAccount").root().keyed("secrets", null, "name").atomic("imagePullSecrets");
        type("Node").root().struct("spec", "NodeSpec").struct("status", "NodeStatus");
        type("NodeSpec").set("podCIDRs").atomic("taints");
        type("NodeStatus").keyed("conditions", null, "type").keyed("addresses", null, "type");
        type("RoleBinding").root().atomic("roleRef").atomic("subjects");
        type("PodDisruptionBudget").root().struct("spec", "PodDisruptionBudgetSpec");
        type("PodDisruptionBudgetSpec")
                .put("selector", new Field("LabelSelector", "replace", null, Ssa.ATOMIC, List.of()));
    }

    private PatchMeta() {}

    /** The API group of an apiVersion such as "apps/v1" ("" for core's "v1"). */
    static String group(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Whether strategic merge patch knows this kind; custom resources have no patch metadata. */
    static boolean hasPatchMeta(String apiVersion, String kind) {
        return apiVersion != null && kind != null && BUILT_IN_GROUPS.contains(group(apiVersion));
    }

    /** The type name of a whole object of this kind; kinds without rules of their own get "Object". */
    static String rootType(String apiVersion, String kind) {
        return hasPatchMeta(apiVersion, kind) ? ROOTS.getOrDefault(kind, "Object") : "Object";
    }

    /** The rules of {@code name} inside a value of {@code type}; {@link #BY_SHAPE} if none. */
    static Field field(String type, String name) {
        Map<String, Field> fields = type == null ? null : TYPES.get(type);
        Field field = fields == null ? null : fields.get(name);
        return field == null ? BY_SHAPE : field;
    }

    /**
     * The value the API server defaults a missing list map key to, as apply's keys need a value:
     * a port without protocol is the TCP one.
     */
    static Object keyDefault(String key) {
        return key.equals("protocol") ? "TCP" : null;
    }

    private static Builder type(String name) {
        return new Builder(TYPES.computeIfAbsent(name, n -> new HashMap<>()));
    }

    private record Builder(Map<String, Field> fields) {
        Builder put(String name, Field field) {
            fields.put(name, field);
            return this;
        }

        /** A kind's top level: its metadata, and a status that later calls may refine. */
        Builder root() {
            return struct("metadata", "ObjectMeta").struct("status", "Status");
        }

        Builder struct(String name, String type) {
            return put(name, new Field(type, "", null, null, List.of()));
        }

        /** A list merged by key; apply uses {@code ssaKeys} when given, else the patch key. */
        Builder keyed(String name, String itemType, String smpKey, String... ssaKeys) {
            List<String> keys = ssaKeys.length == 0 ? List.of(smpKey) : List.of(ssaKeys);
            return put(name, new Field(itemType, "merge", smpKey, Ssa.MAP, keys));
        }

        Builder set(String name) {
            return put(name, new Field(null, "merge", null, Ssa.SET, List.of()));
        }

        Builder atomic(String name) {
            return put(name, new Field(null, "", null, Ssa.ATOMIC, List.of()));
        }

        Builder retainKeys(String name) {
            return put(name, new Field(null, "retainKeys", null, null, List.of()));
        }
    }
}
