package dev.meridian.app.contexts;

import dev.meridian.app.kubeconfig.ManagementAccess;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Adds to a management context's access the central gateway its plane records (see {@link
 * CentralGateways}). The CLI asks through the client it already holds; the window and the tray
 * remember answers for a while ({@link CentralGateways.Memo}).
 */
@FunctionalInterface
public interface GatewayLookup {

    /** {@code access} with the gateway its plane records, or unchanged when it records none. */
    ManagementAccess resolve(ManagementAccess access);

    /** Asks the plane through {@code plane}, a client of the management context the caller owns. */
    static GatewayLookup through(KubernetesClient plane) {
        return access -> CentralGateways.resolve(access, plane);
    }
}
