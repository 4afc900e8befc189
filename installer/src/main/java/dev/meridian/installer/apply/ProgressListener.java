package dev.meridian.installer.apply;

/**
 * Receives {@link ProgressEvent}s on the installer's calling thread, in order. Must not block
 * for long; a UI hands them over to its own thread.
 */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores every event. */
    ProgressListener NONE = event -> {};

    void onEvent(ProgressEvent event);
}
