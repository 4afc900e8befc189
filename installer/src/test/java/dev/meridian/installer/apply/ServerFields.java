package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/** Compares objects as the user wrote them: drops what the server adds (status, uid, versions...). */
final class ServerFields {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ServerFields() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> strip(HasMetadata object) {
        Map<String, Object> map = SERIALIZATION.convertValue(object, Map.class);
        map.remove("status");
        Map<String, Object> metadata = (Map<String, Object>) map.get("metadata");
        for (String field : new String[] {
            "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink", "finalizers"
        }) {
            metadata.remove(field);
        }
        return map;
    }
}
