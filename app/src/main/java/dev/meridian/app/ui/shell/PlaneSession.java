package dev.meridian.app.ui.shell;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.fleet.FleetEvent;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.function.Consumer;

/** A live connection to one management plane: its client, fleet service and cluster watch. */
public record PlaneSession(
        String context, ContextConnection connection, KubernetesClient client, FleetService fleet, AutoCloseable watch)
        implements AutoCloseable {

    /** Opens sessions; blocking, so it is only called off the FX thread. */
    @FunctionalInterface
    public interface Connector {
        /**
         * Connects to the plane of {@code context} and starts watching its clusters.
         *
         * @throws dev.meridian.app.core.MeridianException.ManagementPlane when it cannot be reached
         */
        PlaneSession open(String context, Consumer<FleetEvent> listener);
    }

    /** The connector that reads the kubeconfig files kubectl would read. */
    public static Connector fromKubeconfig(KubeconfigService kubeconfig, Clock clock) {
        return (context, listener) -> {
            ContextConnection connection = kubeconfig.connection(context);
            // Someone is looking at the window: the client reports "unreachable" within seconds, not after retries.
            KubernetesClient client = ContextClients.open(connection);
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
