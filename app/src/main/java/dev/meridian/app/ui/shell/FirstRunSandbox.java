package dev.meridian.app.ui.shell;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.ContextNames;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxContext;
import dev.meridian.app.sandbox.SandboxInUse;
import dev.meridian.app.sandbox.SandboxOptions;
import dev.meridian.app.sandbox.SandboxState;
import dev.meridian.app.ui.common.ErrorDialogs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The sandbox as the desktop app's default plane: used when the user has no management plane's
 * context (none at all, or only the sandbox's own). Its management context goes into the user's
 * kubeconfig as {@value Sandbox#CONTEXT}, so the contexts the app writes ("Use cluster") land where
 * kubectl in a new shell reads them. A sandbox already running in the folder (a {@code meridian
 * sandbox} in a terminal) is joined, not restarted, and left running when the app exits.
 *
 * The sandbox takes far longer to start than the window (issue #9), so the window comes first:
 * {@link #start} runs it on a thread of its own, and connections made through {@link #awaiting}
 * wait for it.
 */
final class FirstRunSandbox implements AutoCloseable {
    /** Set in the app's environment when it runs on the first-run sandbox. */
    static final String MARKER = "MERIDIAN_FIRST_RUN_SANDBOX";

    /** How long a sandbox on loopback may take to accept a connection before it counts as not running. */
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

    /** How long to wait for a sandbox another process is starting in the folder: as long as a start takes. */
    private static final Duration JOIN_PATIENCE = Duration.ofSeconds(60);

    private final SandboxOptions options;
    private final String context;
    private final Function<SandboxOptions, ? extends AutoCloseable> starter;
    private final DesktopEnvironment environment;
    private final CompletableFuture<AutoCloseable> started = new CompletableFuture<>();
    private final AtomicBoolean starting = new AtomicBoolean();

    /**
     * @param context the context of the sandbox's management plane in the user's kubeconfig, once it runs
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
        env.put(MARKER, "true");
        this.environment = new DesktopEnvironment(env, system.home(), system.osName(), system.clock());
    }

    /** Null when the user has a management plane to pick from. Starts nothing yet. */
    static FirstRunSandbox ifNoPlane(DesktopEnvironment system) {
        if (hasPlane(system)) {
            return null;
        }
        KubeconfigService user = system.kubeconfig();
        return new FirstRunSandbox(
                new SandboxOptions(
                        SandboxOptions.defaultDirectory(system.env(), system.home()),
                        SandboxOptions.DEFAULT_CLUSTERS,
                        Map.of()),
                Sandbox.CONTEXT,
                options -> startOrJoin(options, user),
                system);
    }

    /**
     * Whether the user has a plane: a context other than the sandbox's and Meridian's cluster contexts, or the
     * sandbox's context while a sandbox answers there (one a terminal runs with {@code meridian sandbox --dir},
     * in a folder other than the app's: starting a second one would take the context over from it).
     */
    private static boolean hasPlane(DesktopEnvironment system) {
        try {
            List<String> names = system.kubeconfig().contextNames();
            return names.stream().anyMatch(name -> !ContextNames.isMeridian(name) && !name.equals(Sandbox.CONTEXT))
                    || (names.contains(Sandbox.CONTEXT) && sandboxAnswers(system.kubeconfig()));
        } catch (KubeconfigException e) {
            // A kubeconfig exists but cannot be read: let the app show that, rather than hide it behind a sandbox.
            return true;
        }
    }

    /** Whether the sandbox context's server accepts a connection: on loopback only, where a refusal is at once. */
    private static boolean sandboxAnswers(KubeconfigService kubeconfig) {
        java.net.URI server;
        try {
            server = java.net.URI.create(
                    kubeconfig.managementAccess(Sandbox.CONTEXT).server());
        } catch (KubeconfigException | IllegalArgumentException e) {
            return false;
        }
        String host = server.getHost();
        if (host == null || server.getPort() <= 0 || !(host.equals("127.0.0.1") || host.equals("localhost"))) {
            return false;
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, server.getPort()), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Starts the folder's sandbox, or joins the one already running there, and puts its management context in the
     * user's kubeconfig. Returns what stops it: nothing for a joined sandbox, which is not the app's to stop.
     */
    static AutoCloseable startOrJoin(SandboxOptions options, KubeconfigService user) {
        AutoCloseable ours;
        Path kubeconfig;
        try {
            Sandbox sandbox = Sandbox.start(options);
            ours = sandbox;
            kubeconfig = sandbox.kubeconfig();
        } catch (SandboxInUse e) {
            ours = () -> {};
            kubeconfig = awaitRunning(e).kubeconfig();
        }
        try {
            SandboxContext.Added added = SandboxContext.addTo(user, kubeconfig);
            if (added.replacedServer().isPresent()) {
                System.err.println("[note] " + added.describe());
            }
            return ours;
        } catch (RuntimeException e) {
            closeQuietly(ours);
            throw e;
        }
    }

    /** The sandbox another process runs in the folder, once it says so (it may be starting still). */
    private static SandboxState awaitRunning(SandboxInUse inUse) {
        long deadline = System.nanoTime() + JOIN_PATIENCE.toNanos();
        Optional<SandboxState> running = inUse.running();
        while (running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            running = SandboxState.read(inUse.directory());
        }
        return running.orElseThrow(() -> inUse);
    }

    private static void closeQuietly(AutoCloseable sandbox) {
        try {
            sandbox.close();
        } catch (Exception e) {
            System.err.println("Could not stop the sandbox: " + e);
        }
    }

    /** The environment the app runs in: the user's, marked as running on the first-run sandbox. */
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
        started.thenAccept(FirstRunSandbox::closeQuietly);
    }
}
