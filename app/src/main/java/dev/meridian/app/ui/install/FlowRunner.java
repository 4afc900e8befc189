package dev.meridian.app.ui.install;

import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.installer.apply.ProgressListener;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs one step of {@code AgentInstallFlow} off the FX thread for a view model: opens the management plane's and
 * the target's clients, builds the plane's {@link FleetService}, and hands progress lines and the outcome to the
 * FX executor, in order. Owns one worker thread.
 */
final class FlowRunner implements AutoCloseable {
    private final InstallServices services;
    private final ExecutorService worker;

    /** One step of the flow against the target cluster and the plane's fleet. */
    @FunctionalInterface
    interface Step<T> {
        T run(KubernetesClient target, FleetService fleet, ProgressListener listener);
    }

    FlowRunner(InstallServices services, String threadName) {
        this.services = services;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code step} with clients for the plane's context and {@code target}, closed when it returns.
     *
     * @param target a kube context, or {@link Targets#CENTRAL_ROUTE} for {@code cluster}'s central route
     * @param onLine each progress message, on the FX executor
     * @param onSuccess the step's result, on the FX executor after the last line
     * @param onFailure what the step (or opening a client) threw, on the FX executor
     */
    <T> void run(
            ContextConnection plane,
            String cluster,
            String target,
            Step<T> step,
            Consumer<String> onLine,
            Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        ProgressListener listener = event -> services.fxThread().execute(() -> onLine.accept(event.message()));
        CompletableFuture.supplyAsync(
                        () -> {
                            try (KubernetesClient management =
                                            services.clients().open(plane, plane.contextName());
                                    KubernetesClient targetClient = Targets.CENTRAL_ROUTE.equals(target)
                                            ? services.clients().openCentralRoute(plane, cluster)
                                            : services.clients().open(plane, target)) {
                                return step.run(targetClient, new FleetService(management, services.clock()), listener);
                            }
                        },
                        worker)
                .whenComplete((value, error) -> services.fxThread().execute(() -> {
                    if (error == null) {
                        onSuccess.accept(value);
                    } else {
                        onFailure.accept(
                                error instanceof CompletionException && error.getCause() != null
                                        ? error.getCause()
                                        : error);
                    }
                }));
    }

    /**
     * Takes no more work. A running step finishes and reports: closing the window does not stop an install
     * half-way, so a re-run has less to complete.
     */
    @Override
    public void close() {
        worker.shutdown();
    }
}
