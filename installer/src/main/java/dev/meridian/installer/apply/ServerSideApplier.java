package dev.meridian.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}) with field manager
 * {@code meridian}. Conflicts are forced: every field in the objects the installer sends belongs
 * to the installation, so a hand edit of one of them (e.g. {@code kubectl edit} of the image) is
 * taken back, while fields Meridian does not set stay with their own managers.
 */
public final class ServerSideApplier implements ObjectApplier {

    public static final String FIELD_MANAGER = "meridian";

    private final KubernetesClient client;

    public ServerSideApplier(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public HasMetadata apply(HasMetadata desired) {
        return client.resource(desired)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
    }
}
