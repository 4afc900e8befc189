package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Makes one object on the cluster match {@code desired}. The installer's only write path for
 * objects it owns; {@link ServerSideApplier} is the product's implementation.
 *
 * <p>Contract: idempotent (applying the same object twice changes nothing the second time),
 * creates the object when absent, never deletes it, and returns the object as the server now
 * holds it. Failures are thrown as fabric8's {@code KubernetesClientException}.
 */
@FunctionalInterface
public interface ObjectApplier {

    HasMetadata apply(HasMetadata desired);
}
