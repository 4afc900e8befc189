package dev.meridian.app.contexts;

import dev.meridian.app.kubeconfig.CentralGateway;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import dev.meridian.installer.manifest.PlaneManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the central gateway a management plane records in ConfigMap
 * {@code meridian-system/meridian-gateway} ({@code meridian plane install --gateway}). A plane
 * without the record (vCluster Platform, or a user not allowed to read it) has none: its central
 * route is at the management server's origin. A record that is there but malformed is an
 * error, not a silent fallback: contexts built from a guess would fail later and obscurely.
 */
public final class CentralGateways {
    private CentralGateways() {}

    /** {@code access} with the gateway {@code plane} records, or unchanged when it records none. */
    public static ManagementAccess resolve(ManagementAccess access, KubernetesClient plane) {
        return lookup(plane).map(access::withGateway).orElse(access);
    }

    /**
     * {@code access} with the recorded gateway, read through a short-lived client of the
     * management context ({@code connection}, as {@code kubectl config view --minify --raw}).
     */
    public static ManagementAccess resolve(ManagementAccess access, ContextConnection connection) {
        Config config = ContextClients.config(connection);
        config.setRequestTimeout(10_000);
        try (KubernetesClient plane =
                new KubernetesClientBuilder().withConfig(config).build()) {
            return resolve(access, plane);
        }
    }

    /**
     * Remembers each plane's record for a while, for callers that build contexts or probes often
     * (the tray, the desktop app): the record changes only when an admin re-runs plane install.
     * On a miss it asks through a short-lived client of the management context, read from {@code
     * kubeconfig}.
     */
    public static final class Memo implements GatewayLookup {
        private final KubeconfigService kubeconfig;
        private final Duration ttl;
        private final Clock clock;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        private record Entry(Optional<CentralGateway> gateway, Instant until) {}

        public Memo(KubeconfigService kubeconfig, Duration ttl, Clock clock) {
            this.kubeconfig = kubeconfig;
            this.ttl = ttl;
            this.clock = clock;
        }

        /** As {@link CentralGateways#resolve(ManagementAccess, ContextConnection)}, answered from memory within the TTL. */
        @Override
        public ManagementAccess resolve(ManagementAccess access) {
            String key = access.contextName() + "\n" + access.server();
            Instant now = clock.instant();
            Entry entry = entries.get(key);
            if (entry == null || now.isAfter(entry.until())) {
                entry = new Entry(
                        CentralGateways.resolve(access, kubeconfig.connection(access.contextName()))
                                .centralGateway(),
                        now.plus(ttl));
                entries.put(key, entry);
            }
            return entry.gateway().map(access::withGateway).orElse(access);
        }
    }

    /** The recorded gateway; empty when there is no record or it cannot be read. */
    public static Optional<CentralGateway> lookup(KubernetesClient plane) {
        ConfigMap record;
        try {
            record = plane.configMaps()
                    .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                    .withName(PlaneManifests.GATEWAY_RECORD)
                    .get();
        } catch (KubernetesClientException e) {
            // Forbidden, or an unreachable plane: whatever the user does next reports the plane itself.
            return Optional.empty();
        }
        return record == null
                ? Optional.empty()
                : Optional.of(GatewayRecord.parse(record.getData() == null ? Map.of() : record.getData()));
    }
}
