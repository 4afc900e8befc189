package dev.meridian.app.plane;

import dev.meridian.app.contexts.GatewayLookup;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.CentralGateway;
import java.util.List;
import java.util.Optional;

/**
 * What a one-shot command reads from the management plane, over one connection it owns: close it
 * when done. Open one with {@link Planes#open}.
 */
public interface Plane extends AutoCloseable {

    /**
     * The connected cluster {@code name}.
     *
     * @throws dev.meridian.app.core.MeridianException.NotFound when the plane has no such cluster
     * @throws dev.meridian.app.core.MeridianException.ManagementPlane when the plane cannot be asked
     */
    ClusterInfo cluster(String name);

    /** Every connected cluster, sorted by name. */
    List<ClusterInfo> clusters();

    /** The central gateway the plane records; empty when it records none or the record cannot be read. */
    Optional<CentralGateway> gateway();

    /** The gateway lookup of a switch made with this plane: asks through this plane's connection. */
    default GatewayLookup gateways() {
        return access -> gateway().map(access::withGateway).orElse(access);
    }

    @Override
    void close();
}
