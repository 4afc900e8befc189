package dev.meridian.app.ui.hooks;

/**
 * Starts a local sandbox management plane for users who have none. Without it the welcome view
 * offers only the kubeconfig contexts.
 */
@FunctionalInterface
public interface SandboxStarter {
    /**
     * Starts the sandbox and returns the name of a context, in the kubeconfig files the app reads,
     * that reaches it. Called on a background thread.
     */
    String start();
}
