package dev.meridian.app.cli;

import dev.meridian.app.contexts.ClusterContexts;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.CentralGateway;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.plane.Plane;
import dev.meridian.app.plane.Planes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The reads a switch or a listing will make (the kubeconfig, then the Cluster or the list and the
 * plane's gateway record), started on a second thread from the raw arguments while picocli builds
 * the command's model: a one-shot command's two slow parts, its start and its round trips, then
 * overlap.
 *
 * <p>It only ever saves time. The command asks for what it needs exactly as it would without it;
 * an answer is taken from here only when it is the same question (same kubeconfig locations, same
 * management context, same cluster), and a question that failed here is asked again, so the user
 * sees the command's own error. It reads, never writes; it is a daemon thread, so an early exit
 * (a usage error) does not wait for it.
 */
final class Prefetch {
    /** Nothing prefetched. */
    static final Prefetch NONE = new Prefetch(null, null, null, null);

    private final KubeconfigLocations locations;
    private final KubeconfigService engine;
    private final String cluster;
    private final CompletableFuture<Opened> opened;

    /** The plane the prefetch opened for a management context, and its answers. */
    private record Opened(
            String context,
            Plane plane,
            CompletableFuture<ClusterInfo> cluster,
            CompletableFuture<List<ClusterInfo>> clusters,
            CompletableFuture<Optional<CentralGateway>> gateway) {}

    private Prefetch(
            KubeconfigLocations locations, KubeconfigService engine, String cluster, CompletableFuture<Opened> opened) {
        this.locations = locations;
        this.engine = engine;
        this.cluster = cluster;
        this.opened = opened;
    }

    /**
     * Starts the reads {@code args} will make, when they name a switch ({@code cluster use C}, {@code use C}),
     * {@code cluster list}, or a command that reads only the kubeconfig ({@code context list}, {@code use -}).
     */
    static Prefetch start(CliEnvironment environment, String... args) {
        CommandWords words = CommandWords.of(args);
        boolean kubeconfigOnly =
                words.is("context", "list") || words.is("context", "ls") || (words.is("use", "-") && words.size() == 2);
        String named = null;
        if (kubeconfigOnly) {
            // context list, use -: only the kubeconfig is read, so read it now
        } else if (words.is("cluster", "use") && words.size() >= 3) {
            named = words.get(2);
        } else if (words.is("use") && words.size() >= 2 && !words.get(1).equals("-")) {
            named = words.get(1);
        } else if ((words.is("cluster", "list") || words.is("cluster", "ls")) && !words.watch()) {
            named = null; // the list: no one cluster
        } else {
            return NONE;
        }
        String cluster = named;
        KubeconfigLocations locations = KubeconfigLocations.of(environment.env(), environment.home());
        if (words.kubeconfig() != null) {
            locations = locations.withExplicitFile(Path.of(words.kubeconfig()));
        }
        KubeconfigService engine = environment.kubeconfigs().apply(locations);
        if (kubeconfigOnly) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            engine.contextNames(); // reads and indexes the files into the engine
                        } catch (RuntimeException | Error e) {
                            // the command reads for itself, and reports what fails
                        }
                    },
                    "prefetch");
            thread.setDaemon(true);
            thread.start();
            return new Prefetch(locations, engine, null, null);
        }
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        String contextOption = words.context();
        Thread thread = new Thread(
                () -> {
                    try {
                        String context = MeridianCommand.managementContext(contextOption, engine);
                        Optional<Plane> plane =
                                Planes.openLight(engine, context, environment.env(), environment.clock());
                        if (plane.isEmpty()) {
                            opened.complete(null);
                            return;
                        }
                        Opened o = new Opened(
                                context,
                                plane.get(),
                                new CompletableFuture<>(),
                                new CompletableFuture<>(),
                                new CompletableFuture<>());
                        opened.complete(o);
                        if (cluster != null) {
                            answer(o.cluster(), () -> o.plane().cluster(cluster));
                            if (asksGateway(o.cluster())) {
                                answer(o.gateway(), () -> o.plane().gateway());
                            } else {
                                o.gateway().cancel(false); // not asked here: a command that asks, asks itself
                            }
                        } else {
                            answer(o.clusters(), () -> o.plane().clusters());
                        }
                    } catch (RuntimeException | Error e) {
                        opened.complete(null); // the command reads for itself, and reports what fails
                    }
                },
                "prefetch");
        thread.setDaemon(true);
        thread.start();
        return new Prefetch(locations, engine, cluster, opened);
    }

    /**
     * Whether a switch to the cluster asks for the plane's gateway: only a central route is built from
     * it (see {@code Switching.choose}), so not for a cluster with a direct endpoint.
     */
    private static boolean asksGateway(CompletableFuture<ClusterInfo> cluster) {
        try {
            return ClusterContexts.directEndpoint(cluster.join()).isEmpty();
        } catch (RuntimeException failedOrInvalid) {
            return false; // the command fails on the cluster before it would ask
        }
    }

    private static <T> void answer(CompletableFuture<T> future, Supplier<T> question) {
        try {
            future.complete(question.get());
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    /** The kubeconfig engine the prefetch reads with, if it is for these locations: one engine per command. */
    Optional<KubeconfigService> kubeconfig(KubeconfigLocations wanted) {
        return engine != null && wanted.equals(locations) ? Optional.of(engine) : Optional.empty();
    }

    /** The prefetched plane of management context {@code context}, with its answers, if there is one. */
    Optional<Plane> plane(String context) {
        if (opened == null) {
            return Optional.empty();
        }
        Opened o = opened.join();
        if (o == null || !java.util.Objects.equals(o.context(), context)) {
            return Optional.empty();
        }
        return Optional.of(new Answered(o, cluster));
    }

    /** The prefetched plane: its answers for the questions prefetched, the plane itself for any other. */
    private static final class Answered implements Plane {
        private final Opened opened;
        private final String cluster;

        Answered(Opened opened, String cluster) {
            this.opened = opened;
            this.cluster = cluster;
        }

        @Override
        public ClusterInfo cluster(String name) {
            return name.equals(cluster)
                    ? take(opened.cluster(), () -> opened.plane().cluster(name))
                    : opened.plane().cluster(name);
        }

        @Override
        public List<ClusterInfo> clusters() {
            return cluster == null
                    ? take(opened.clusters(), () -> opened.plane().clusters())
                    : opened.plane().clusters();
        }

        @Override
        public Optional<CentralGateway> gateway() {
            return cluster != null
                    ? take(opened.gateway(), () -> opened.plane().gateway())
                    : opened.plane().gateway();
        }

        /** The prefetched answer; when it failed, the question asked again, so the error is the command's own. */
        private static <T> T take(CompletableFuture<T> answer, Supplier<T> again) {
            try {
                return answer.join();
            } catch (RuntimeException e) {
                return again.get();
            }
        }

        @Override
        public void close() {
            opened.plane().close();
        }
    }
}
