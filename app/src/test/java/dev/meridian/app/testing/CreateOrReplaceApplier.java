package dev.meridian.app.testing;

import dev.meridian.installer.apply.ObjectApplier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Server-side apply as far as the CRUD mock allows (it answers apply with 415): creates the
 * object when absent, otherwise replaces it with the desired one.
 */
public final class CreateOrReplaceApplier implements ObjectApplier {
    private final KubernetesClient client;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public CreateOrReplaceApplier(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public HasMetadata apply(HasMetadata desired) {
        HasMetadata copy = serialization.clone(desired);
        HasMetadata live = client.resource(copy).get();
        if (live == null) {
            return client.resource(copy).create();
        }
        copy.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        return client.resource(copy).update();
    }
}
