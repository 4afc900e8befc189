package dev.meridian.installer.apply;

import dev.meridian.installer.manifest.InstallSpec;
import dev.meridian.installer.manifest.PlaneManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Prepares a cluster to be Meridian's management plane: the {@code Cluster} CRD, and per
 * connected cluster the ServiceAccount whose token lets that cluster's agent review tokens here.
 */
public final class PlaneInstaller {

    private final KubernetesClient plane;
    private final ObjectApplier applier;
    private final ResourceWaiter waiter;

    /** Applies with server-side apply (field manager {@code meridian}) through {@code plane}. */
    public PlaneInstaller(KubernetesClient plane) {
        this(plane, new ServerSideApplier(plane), AgentInstaller.DEFAULT_POLL_INTERVAL);
    }

    public PlaneInstaller(KubernetesClient plane, ObjectApplier applier, Duration pollInterval) {
        this.plane = Objects.requireNonNull(plane, "plane");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.waiter = new ResourceWaiter(Objects.requireNonNull(pollInterval, "pollInterval"));
    }

    /**
     * Applies the {@code clusters.management.loft.sh} CRD and, with
     * {@link InstallOptions#waitForRollout()}, waits until the API server serves it (Established).
     */
    public Change installCrd(InstallOptions options, ProgressListener listener) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        CustomResourceDefinition crd = PlaneManifests.clusterCrd();
        Change change = apply(crd, listener);
        if (options.waitForRollout()) {
            await(
                    "CustomResourceDefinition " + crd.getMetadata().getName() + " to be established",
                    options.timeout(),
                    "Check 'kubectl describe crd " + crd.getMetadata().getName() + "'.",
                    () -> waiter.await(
                            plane.apiextensions()
                                    .v1()
                                    .customResourceDefinitions()
                                    .withName(crd.getMetadata().getName()),
                            PlaneInstaller::isEstablished,
                            c -> {},
                            deadline));
        }
        return change;
    }

    /**
     * Deploys the central gateway ({@code spec} in {@link InstallSpec.Mode#GATEWAY}) exactly as an
     * agent is installed — same objects, exposure, rollout wait and CA — then records its URL (and
     * CA) in the plane's gateway record, where the app looks for it.
     */
    public InstallResult installGateway(InstallSpec spec, InstallOptions options, ProgressListener listener) {
        if (!spec.isGateway()) {
            throw new IllegalArgumentException("installGateway needs a gateway spec (InstallSpec.gatewayBuilder)");
        }
        InstallResult result =
                new AgentInstaller(plane, applier, waiter.pollInterval()).install(spec, options, listener);
        for (HasMetadata object :
                PlaneManifests.gatewayRecord("https://" + result.endpoint(), result.caPem(), result.insecure())) {
            apply(object, listener);
        }
        return result;
    }

    /**
     * Applies the authority objects for {@code clusterName} in {@code namespace}, waits for the API
     * server to issue the ServiceAccount's token, and returns a kubeconfig that reaches this plane
     * with it, for {@code Authority.managementPlane(...)}. The kubeconfig holds a credential: keep
     * it out of logs.
     */
    public String provisionAuthority(
            String namespace, String clusterName, InstallOptions options, ProgressListener listener) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        for (HasMetadata object : PlaneManifests.authorityObjects(namespace, clusterName)) {
            apply(object, listener);
        }
        String name = PlaneManifests.authorityName(clusterName);
        Secret token = await(
                "the token of ServiceAccount " + namespace + "/" + name,
                options.timeout(),
                "The API server's token controller fills Secret " + namespace + "/" + name + "; check that it runs.",
                () -> waiter.await(
                        plane.secrets().inNamespace(namespace).withName(name),
                        PlaneInstaller::hasToken,
                        s -> {},
                        deadline));
        String jwt = new String(Base64.getDecoder().decode(token.getData().get("token")), StandardCharsets.UTF_8);
        return PlaneManifests.authorityKubeconfig(
                plane.getConfiguration().getMasterUrl(), token.getData().get("ca.crt"), jwt);
    }

    /** Deletes the authority objects of {@code clusterName}; the shared ClusterRole stays. */
    public List<ObjectRef> removeAuthority(String namespace, String clusterName, ProgressListener listener) {
        String name = PlaneManifests.authorityName(clusterName);
        List<ObjectRef> deleted = new ArrayList<>();
        try {
            for (HasMetadata object : List.of(
                    PlaneManifests.tokenReviewerBinding(namespace, clusterName),
                    PlaneManifests.tokenSecret(namespace, clusterName),
                    PlaneManifests.serviceAccount(namespace, clusterName))) {
                if (!plane.resource(object).delete().isEmpty()) {
                    ObjectRef ref = ObjectRef.of(object);
                    deleted.add(ref);
                    listener.onEvent(new ProgressEvent.ObjectDeleted(ref));
                }
            }
            return List.copyOf(deleted);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("remove the token reviewer " + name + " from namespace " + namespace, e);
        }
    }

    private Change apply(HasMetadata object, ProgressListener listener) {
        Change change = TrackedApply.apply(plane, applier, object);
        listener.onEvent(new ProgressEvent.ObjectApplied(ObjectRef.of(object), change));
        return change;
    }

    private interface Wait<T> {
        T run() throws TimeoutException, InterruptedException;
    }

    private static <T> T await(String what, Duration timeout, String hint, Wait<T> wait) {
        try {
            return wait.run();
        } catch (TimeoutException e) {
            throw new WaitTimeoutException(what, timeout, hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstallInterruptedException("waiting for " + what, e);
        } catch (KubernetesClientException e) {
            throw new ClusterAccessException("wait for " + what, e);
        }
    }

    static boolean isEstablished(CustomResourceDefinition crd) {
        return crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean hasToken(Secret secret) {
        return secret.getData() != null
                && secret.getData().get("token") != null
                && secret.getData().get("ca.crt") != null;
    }
}
