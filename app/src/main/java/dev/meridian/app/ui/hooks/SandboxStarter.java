package dev.meridian.app.ui.hooks;

/**
 * Starts a local sandbox management plane for users who have none. Where it is {@link #unavailable()} (as in the
 * shipped app, which starts its first-run sandbox before the window instead) the welcome view offers only the
 * kubeconfig contexts.
 */
@FunctionalInterface
public interface SandboxStarter {
    /** The part of a configuration without it: {@link #isOffered()} is false and starting throws. */
    static SandboxStarter unavailable() {
        return NotOffered.INSTANCE;
    }

    /** Whether the welcome view shows "Start a sandbox"; true for every real implementation. */
    default boolean isOffered() {
        return true;
    }

    /**
     * Starts the sandbox and returns the name of a context, in the kubeconfig files the app reads,
     * that reaches it. Called on a background thread.
     */
    String start();
}
