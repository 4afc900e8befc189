package dev.meridian.app.fleet;

import java.util.Map;
import java.util.TreeMap;

/**
 * One connected cluster as listed by the management plane.
 *
 * @param phase {@code ""} while initializing, {@code Initialized} or {@code Failed}
 * @param resourceVersion the version this snapshot was read at; edits are made against it
 */
public record ClusterInfo(
        String name,
        String displayName,
        String description,
        Map<String, String> labels,
        String phase,
        String reason,
        String message,
        String resourceVersion,
        EndpointState endpoint) {

    public ClusterInfo {
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Initialized without a reason. An Initialized cluster that carries a reason is not healthy. */
    public boolean isHealthy() {
        return "Initialized".equals(phase) && reason.isEmpty();
    }

    public boolean isDirect() {
        return endpoint instanceof EndpointState.On;
    }

    /** The name to show: the display name when there is one. */
    public String title() {
        return displayName.isEmpty() ? name : displayName;
    }

    /** The phase in words, with "Initializing" for the empty phase. */
    public String phaseLabel() {
        return phase.isEmpty() ? "Initializing" : phase;
    }
}
