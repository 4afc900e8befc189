package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.core.MeridianException.Conflict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The connected clusters of one management plane: list, watch, and edit their direct endpoint
 * annotations. Edits touch only the endpoint annotations and are made against the
 * resourceVersion they were based on, so a concurrent change is reported, never overwritten.
 */
public final class FleetService {

    public static final ResourceDefinitionContext CLUSTERS = dev.meridian.installer.manifest.ConnectManifests.CLUSTERS;

    private final KubernetesClient client;
    private final ClusterMapper mapper;

    public FleetService(KubernetesClient client, Clock clock) {
        this.client = Objects.requireNonNull(client);
        this.mapper = new ClusterMapper(clock);
    }

    /** Every connected cluster, sorted by name. */
    public List<ClusterInfo> list() {
        List<GenericKubernetesResource> items = ManagementErrors.call(
                "list clusters",
                () -> client.genericKubernetesResources(CLUSTERS).list().getItems());
        return items.stream()
                .map(mapper::toInfo)
                .sorted(Comparator.comparing(ClusterInfo::name))
                .toList();
    }

    public ClusterInfo get(String name) {
        return mapper.toInfo(fetch(name));
    }

    /**
     * Sets the direct endpoint.
     *
     * @param expectedResourceVersion the version the change is based on; null means "the current one"
     */
    public EditResult setEndpoint(String name, EndpointChange change, String expectedResourceVersion) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(Annotations.ENDPOINT, change.hostPort().toString());
        annotations.put(Annotations.INSECURE, change.insecure() ? "true" : null);
        annotations.put(Annotations.CA_DATA, change.ca().map(CaBundle::base64).orElse(null));
        return patchAnnotations(name, annotations, expectedResourceVersion, change.notices());
    }

    /** Removes the endpoint annotations, which turns the direct endpoint off. */
    public EditResult clearEndpoint(String name, String expectedResourceVersion) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(Annotations.ENDPOINT, null);
        annotations.put(Annotations.INSECURE, null);
        annotations.put(Annotations.CA_DATA, null);
        return patchAnnotations(name, annotations, expectedResourceVersion, List.of());
    }

    /**
     * Writes the endpoint annotations with a JSON patch (RFC 6902) that first tests the
     * resourceVersion the change is based on, so the write fails rather than overwrite a change
     * made since. JSON patch, not merge patch, so that removing a key removes it everywhere.
     */
    private EditResult patchAnnotations(
            String name, Map<String, String> annotations, String expected, List<String> notices) {
        GenericKubernetesResource current = fetch(name);
        String currentVersion = current.getMetadata().getResourceVersion();
        String basedOn = expected != null ? expected : currentVersion;
        if (!basedOn.equals(currentVersion)) {
            throw conflict(name, basedOn, mapper.toInfo(current), null);
        }
        String patch = Serialization.asJson(
                AnnotationPatch.operations(basedOn, current.getMetadata().getAnnotations(), annotations));
        try {
            GenericKubernetesResource updated = client.genericKubernetesResources(CLUSTERS)
                    .withName(name)
                    .patch(PatchContext.of(PatchType.JSON), patch);
            return new EditResult(mapper.toInfo(updated), notices);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw ManagementFailures.clusterNotFound(name);
            }
            if (e.getCode() == 409 || e.getCode() == 422) {
                ClusterInfo now = mapper.toInfo(fetch(name));
                if (!now.resourceVersion().equals(basedOn)) {
                    throw conflict(name, basedOn, now, e);
                }
            }
            throw ManagementErrors.translate("update cluster " + name, e);
        }
    }

    private GenericKubernetesResource fetch(String name) {
        GenericKubernetesResource resource = ManagementErrors.call(
                "read cluster " + name,
                () -> client.genericKubernetesResources(CLUSTERS).withName(name).get());
        if (resource == null) {
            throw ManagementFailures.clusterNotFound(name);
        }
        return resource;
    }

    private static MeridianException conflict(String name, String basedOn, ClusterInfo current, Exception cause) {
        return new Conflict(
                "Cluster '" + name + "' was changed by someone else after it was read (version "
                        + basedOn + ", now " + current.resourceVersion()
                        + "); nothing was written. Its endpoint is now: "
                        + describe(current.endpoint()) + ". Review it and apply your change again.",
                cause);
    }

    /** A one-line description of an endpoint state, for messages. */
    public static String describe(EndpointState state) {
        if (state instanceof EndpointState.On on) {
            return on.hostPort() + " (" + on.tlsMode().label() + ")";
        }
        if (state instanceof EndpointState.Invalid invalid) {
            return "invalid: " + String.join("; ", invalid.problems());
        }
        return "off (central route)";
    }

    /**
     * Follows the clusters live. The listener sees every existing cluster as {@link FleetEvent.Added},
     * then each change; it is called on the client's thread. Close the returned handle to stop.
     */
    public AutoCloseable watch(Consumer<FleetEvent> listener) {
        SharedIndexInformer<GenericKubernetesResource> informer = ManagementErrors.call(
                "watch clusters",
                () -> client.genericKubernetesResources(CLUSTERS)
                        .inform(
                                new ResourceEventHandler<>() {
                                    @Override
                                    public void onAdd(GenericKubernetesResource obj) {
                                        listener.accept(new FleetEvent.Added(mapper.toInfo(obj)));
                                    }

                                    @Override
                                    public void onUpdate(
                                            GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                                        listener.accept(new FleetEvent.Modified(mapper.toInfo(newObj)));
                                    }

                                    @Override
                                    public void onDelete(
                                            GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                                        listener.accept(new FleetEvent.Removed(
                                                obj.getMetadata().getName()));
                                    }
                                },
                                0));
        informer.stopped().whenComplete((ignored, error) -> {
            if (error != null) {
                listener.accept(new FleetEvent.Failed("The cluster watch stopped: " + error.getMessage()));
            }
        });
        return informer::close;
    }

    /** The clusters' names, for shell completion and messages. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        list().forEach(c -> names.add(c.name()));
        return names;
    }
}
