package dev.meridian.app.health;

/**
 * Observes the latest results of a {@link ProbeResultStore}. Called on a probe thread, never on a UI
 * thread: a JavaFX view model hops with {@code Platform.runLater}. Must return quickly and must not
 * block; an exception it throws is logged and ignored.
 */
public interface ProbeListener {

    /**
     * A new result for {@code key}.
     *
     * @param previous the result it replaces, or null for the first result of that key
     */
    void onResult(String key, ProbeResult previous, ProbeResult current);

    /** {@code key} is no longer watched and its result was dropped. */
    default void onRemoved(String key) {}
}
