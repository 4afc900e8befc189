package dev.meridian.app.ui;

import java.time.Clock;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.fleet.ManagementConnection;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A live connection to one management plane: its client, fleet service and cluster watch. */
public record PlaneSession(String context, ManagementConnection connection, KubernetesClient client,
        FleetService fleet, AutoCloseable watch) implements AutoCloseable {

    /** Opens sessions; blocking, so it is only called off the FX thread. */
    @FunctionalInterface
    public interface Connector {
        /**
         * Connects to the plane of {@code context} and starts watching its clusters.
         *
         * @throws dev.meridian.app.MeridianException.ManagementPlane when it cannot be reached
         */
        PlaneSession open(String context, Consumer<FleetEvent> listener);
    }

    /** The connector that reads the kubeconfig files kubectl would read. */
    public static Connector fromKubeconfig(List<Path> files, Clock clock) {
        return (context, listener) -> {
            ManagementConnection connection = new ManagementConnection(files, context);
            KubernetesClient client = connection.open();
            try {
                FleetService fleet = new FleetService(client, clock);
                AutoCloseable watch = fleet.watch(listener);
                return new PlaneSession(context, connection, client, fleet, watch);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        };
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            // Closing a watch whose connection already failed is not worth reporting.
        } finally {
            client.close();
        }
    }
}
