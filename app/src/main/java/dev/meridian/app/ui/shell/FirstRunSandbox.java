package dev.meridian.app.ui.shell;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.ui.common.ErrorDialogs;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The sandbox as the desktop app's default plane: used when the user has no kubeconfig context at
 * all, with the app pointed at the sandbox's own kubeconfig (never the user's), so contexts the
 * app writes go there too.
 *
 * The sandbox takes far longer to start than the window (issue #9), so the window comes first:
 * {@link #start} runs it on a thread of its own, and connections made through {@link #awaiting}
 * wait for it.
 */
final class FirstRunSandbox implements AutoCloseable {
    /** Set in the app's environment when it runs on the first-run sandbox. */
    static final String MARKER = "MERIDIAN_FIRST_RUN_SANDBOX";

    private final SandboxOptions options;
    private final String context;
    private final Function<SandboxOptions, ? extends AutoCloseable> starter;
    private final DesktopEnvironment environment;
    private final CompletableFuture<AutoCloseable> started = new CompletableFuture<>();
    private final AtomicBoolean starting = new AtomicBoolean();

    /**
     * @param context the context of the sandbox's management plane in {@code options.kubeconfig()}
     * @param starter starts the sandbox and returns once it runs; blocking
     */
    FirstRunSandbox(
            SandboxOptions options,
            String context,
            Function<SandboxOptions, ? extends AutoCloseable> starter,
            DesktopEnvironment system) {
        this.options = options;
        this.context = context;
        this.starter = starter;
        Map<String, String> env = new HashMap<>(system.env());
        env.put("KUBECONFIG", options.kubeconfig().toString());
        env.put(MARKER, "true");
        this.environment = new DesktopEnvironment(env, system.home(), system.osName(), system.clock());
    }

    /** Null when the user has a management plane to pick from. Starts nothing yet. */
    static FirstRunSandbox ifNoPlane(DesktopEnvironment system) {
        if (hasAnyContext(system)) {
            return null;
        }
        return new FirstRunSandbox(
                new SandboxOptions(
                        SandboxOptions.defaultDirectory(system.env(), system.home()),
                        SandboxOptions.DEFAULT_CLUSTERS,
                        Map.of()),
                Sandbox.CONTEXT,
                Sandbox::start,
                system);
    }

    private static boolean hasAnyContext(DesktopEnvironment system) {
        try {
            return !system.kubeconfig().contextNames().isEmpty();
        } catch (KubeconfigException e) {
            // A kubeconfig exists but cannot be read: let the app show that, rather than hide it behind a sandbox.
            return true;
        }
    }

    /** The environment the app runs in: the user's, with {@code KUBECONFIG} at the sandbox's kubeconfig. */
    DesktopEnvironment environment() {
        return environment;
    }

    /** The context of the sandbox's management plane. */
    String context() {
        return context;
    }

    /** Starts the sandbox on a thread of its own, once; {@code onStarted} runs on that thread when it is up. */
    void start(Runnable onStarted) {
        if (!starting.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(
                () -> {
                    try {
                        started.complete(starter.apply(options));
                        onStarted.run();
                    } catch (RuntimeException | Error e) {
                        started.completeExceptionally(e);
                    }
                },
                "meridian-first-run-sandbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code connector}, made to wait until the sandbox runs (and to fail as it does, if it cannot start). */
    PlaneSession.Connector awaiting(PlaneSession.Connector connector) {
        return (context, listener) -> {
            try {
                started.join();
            } catch (CompletionException e) {
                throw new MeridianException.ManagementPlane(
                        "The sandbox fleet could not start: "
                                + ErrorDialogs.userMessage(e.getCause())
                                + ". Add your management plane's context to the "
                                + "kubeconfig instead and restart Meridian.",
                        e.getCause());
            }
            return connector.open(context, listener);
        };
    }

    /** Stops the sandbox; one still starting is stopped as soon as it is up. */
    @Override
    public void close() {
        started.thenAccept(sandbox -> {
            try {
                sandbox.close();
            } catch (Exception e) {
                System.err.println("Could not stop the sandbox: " + e);
            }
        });
    }
}
