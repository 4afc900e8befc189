package dev.meridian.app.fleet;

/** What a fleet watch reports. */
public sealed interface FleetEvent {
    /** A cluster appeared, or was there when the watch started. */
    record Added(ClusterInfo cluster) implements FleetEvent {}

    record Modified(ClusterInfo cluster) implements FleetEvent {}

    record Removed(String name) implements FleetEvent {}

    /** The watch stopped and will not resume by itself. */
    record Failed(String message) implements FleetEvent {}
}
