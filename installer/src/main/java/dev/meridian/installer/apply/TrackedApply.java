package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;

/** Applies one object and tells what applying it did, by its resourceVersion before and after. */
final class TrackedApply {

    private TrackedApply() {}

    /**
     * @throws ApplyException the object could not be read or was refused
     */
    static Change apply(KubernetesClient client, ObjectApplier applier, HasMetadata object) {
        try {
            HasMetadata before = client.resource(object).get();
            HasMetadata after = applier.apply(object);
            if (before == null) {
                return Change.CREATED;
            }
            String was = before.getMetadata().getResourceVersion();
            String now = after == null ? null : after.getMetadata().getResourceVersion();
            return Objects.equals(was, now) ? Change.UNCHANGED : Change.CONFIGURED;
        } catch (KubernetesClientException e) {
            throw new ApplyException(ObjectRef.of(object), e);
        }
    }
}
