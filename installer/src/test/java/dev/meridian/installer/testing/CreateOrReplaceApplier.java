package dev.meridian.installer.testing;

import dev.meridian.installer.apply.ObjectApplier;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * Stands in for server-side apply on the CRUD mock (which answers it with 415): creates the
 * object, leaves it alone when every field we send already has our value (so, like apply, a
 * repeat changes nothing), and otherwise replaces it.
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
        if (contains(serialization.convertValue(live, Map.class), serialization.convertValue(desired, Map.class))) {
            return live;
        }
        copy.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        return client.resource(copy).update();
    }

    /** True when every field of {@code wanted} is in {@code actual} with the same value. */
    static boolean contains(Object actual, Object wanted) {
        if (wanted instanceof Map<?, ?> w) {
            return actual instanceof Map<?, ?> a
                    && w.entrySet().stream().allMatch(e -> contains(a.get(e.getKey()), e.getValue()));
        }
        if (wanted instanceof List<?> w) {
            if (!(actual instanceof List<?> a) || a.size() != w.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!contains(a.get(i), w.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return wanted == null || wanted.equals(actual);
    }
}
