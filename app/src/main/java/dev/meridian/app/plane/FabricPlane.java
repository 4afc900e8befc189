package dev.meridian.app.plane;

import dev.meridian.app.contexts.CentralGateways;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.CentralGateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The plane over a fabric8 client it owns: for contexts the light client does not carry. */
final class FabricPlane implements Plane {
    private final KubernetesClient client;
    private final FleetService fleet;

    FabricPlane(KubernetesClient client, Clock clock) {
        this.client = client;
        this.fleet = new FleetService(client, clock);
    }

    @Override
    public ClusterInfo cluster(String name) {
        return fleet.get(name);
    }

    @Override
    public List<ClusterInfo> clusters() {
        return fleet.list();
    }

    @Override
    public Optional<CentralGateway> gateway() {
        return CentralGateways.lookup(client);
    }

    @Override
    public void close() {
        client.close();
    }
}
