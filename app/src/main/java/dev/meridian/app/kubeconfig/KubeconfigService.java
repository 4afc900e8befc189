package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import dev.meridian.app.kubeconfig.LoadedKubeconfig.Found;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Meridian's kubeconfig engine: reads the user's kubeconfig like kubectl, writes Meridian's
 * contexts ({@code meridian_*}) into it without disturbing anything else, and switches
 * contexts. Every call reads the files again, so it acts on what is on disk now.
 * {@code current-context} changes only in {@link #switchTo}, {@link #switchBack} and
 * {@link #writeAndSwitch}. Calls are serialized; other processes are kept out by kubectl's
 * lock file and by refusing to write over a file that changed since it was read.
 */
public final class KubeconfigService {
    private final KubeconfigStore store;
    private final PreviousContextStore previous;
    private final ManagementAccessResolver resolver;
    private final Consumer<LoadedKubeconfig> beforeSave;

    /** The engine for these locations; the previous context is kept in {@code <home>/.kube}. */
    public KubeconfigService(KubeconfigLocations locations) {
        this(locations, PreviousContextStore.inHome(locations.home()));
    }

    public KubeconfigService(KubeconfigLocations locations, PreviousContextStore previous) {
        this(locations, previous, new YamlCodec(), Duration.ofSeconds(2), loaded -> {});
    }

    /** @param beforeSave runs between reading and writing; tests use it to simulate other writers */
    KubeconfigService(
            KubeconfigLocations locations,
            PreviousContextStore previous,
            YamlCodec codec,
            Duration lockPatience,
            Consumer<LoadedKubeconfig> beforeSave) {
        this(locations, previous, new KubeconfigReader(codec), codec, lockPatience, beforeSave);
    }

    /** @param reader reads and parses the files; tests count what it does */
    KubeconfigService(
            KubeconfigLocations locations,
            PreviousContextStore previous,
            KubeconfigReader reader,
            YamlCodec codec,
            Duration lockPatience,
            Consumer<LoadedKubeconfig> beforeSave) {
        this.store = new KubeconfigStore(locations, reader, codec, lockPatience);
        this.previous = previous;
        this.resolver = new ManagementAccessResolver(codec);
        this.beforeSave = beforeSave;
    }

    public KubeconfigLocations locations() {
        return store.locations();
    }

    /** The current context, empty when none is set. */
    public synchronized Optional<String> currentContext() {
        return store.load().currentContext();
    }

    /** All context names, in kubectl's merge order. */
    public synchronized List<String> contextNames() {
        return store.load().contextNames();
    }

    /**
     * The contexts a person can pick a management plane from, merged as everywhere else. Never
     * throws for a file: a file that cannot be read is left out and named in the listing's problems.
     */
    public synchronized ContextList listContexts() {
        List<String> problems = new ArrayList<>();
        LoadedKubeconfig config = store.loadReadable(e -> problems.add(e.getMessage()));
        return new ContextList(store.locations().files(), config.contextNames(), config.currentContext(), problems);
    }

    /** The context {@link #switchBack()} returns to, if one is remembered. */
    public Optional<String> previousContext() {
        return previous.previousContext(store.locations());
    }

    /**
     * The last context not written by Meridian that a switch left: the management plane's, for commands
     * run while one of Meridian's contexts is current.
     */
    public Optional<String> lastOwnContext() {
        return previous.lastOwnContext(store.locations());
    }

    /**
     * Server, TLS settings and bearer credential of a context.
     *
     * @param contextName the management context; null for the current context
     * @throws KubeconfigException.ContextNotFound when it does not exist (or none is current)
     * @throws KubeconfigException.UnsupportedCredential when its user has no bearer credential
     */
    public synchronized ManagementAccess managementAccess(String contextName) {
        LoadedKubeconfig config = store.load();
        return resolver.resolve(config, contextOrCurrent(config, contextName));
    }

    /** What a Kubernetes client needs to connect with a context (null: the current one). */
    public synchronized ContextConnection connection(String contextName) {
        LoadedKubeconfig config = store.load();
        String name = contextOrCurrent(config, contextName);
        String minified = store.codec().dump(Minifier.minify(config, name));
        return new ContextConnection(config.locations().files(), name, minified);
    }

    /** Writes a Meridian context's entries; {@code current-context} stays as it is. */
    public synchronized WriteResult write(ContextSpec spec) {
        return edit(() -> {
            LoadedKubeconfig config = store.load();
            String current = config.currentContext().orElse(null);
            putEntries(config, spec);
            return new WriteResult(spec, save(config), false, current);
        });
    }

    /** Writes a Meridian context's entries and makes it the current context. */
    public synchronized WriteResult writeAndSwitch(ContextSpec spec) {
        return edit(() -> {
            LoadedKubeconfig config = store.load();
            String current = config.currentContext().orElse(null);
            putEntries(config, spec);
            config.currentContextDocument().setCurrentContext(spec.name());
            WriteResult result = new WriteResult(spec, save(config), true, current);
            rememberLeft(current, spec.name());
            return result;
        });
    }

    /**
     * Adds or refreshes a plane context Meridian owns (the sandbox's), keeping every other entry; it becomes the
     * current context only when none is set, so a user's own current context is never taken from them. An entry of
     * that name pointing at another server is replaced: the result names that server, for the caller to say so.
     */
    public synchronized PlaneContext.Written putPlaneContext(PlaneContext plane) {
        return edit(() -> {
            LoadedKubeconfig config = store.load();
            Optional<String> before = serverOf(config, plane.name()).filter(s -> !s.equals(plane.server()));
            config.documentFor(Section.CLUSTERS, plane.name())
                    .putEntry(Section.CLUSTERS, plane.name(), EntryNodes.cluster(plane.server(), plane.tls(), null));
            config.documentFor(Section.USERS, plane.name())
                    .putEntry(Section.USERS, plane.name(), EntryNodes.user(plane.credential()));
            config.documentFor(Section.CONTEXTS, plane.name())
                    .putEntry(Section.CONTEXTS, plane.name(), EntryNodes.context(plane.name(), null));
            boolean makeCurrent = config.currentContext().isEmpty();
            if (makeCurrent) {
                config.currentContextDocument().setCurrentContext(plane.name());
            }
            return new PlaneContext.Written(save(config), before, makeCurrent);
        });
    }

    private static Optional<String> serverOf(LoadedKubeconfig config, String contextName) {
        return config.find(Section.CONTEXTS, contextName)
                .flatMap(context -> Nodes.scalar(context.body(), "cluster"))
                .flatMap(cluster -> config.find(Section.CLUSTERS, cluster))
                .flatMap(cluster -> Nodes.scalar(cluster.body(), "server"));
    }

    /** The kubeconfig fragment of a context, for {@code --print}; writes nothing. */
    public String render(ContextSpec spec) {
        return store.codec().dump(EntryNodes.fragment(spec, true));
    }

    /**
     * Makes an existing context current. When a file changed between our read and our write,
     * the switch is read and applied once more (a switch has nothing to merge).
     */
    public synchronized SwitchOutcome switchTo(String contextName) {
        try {
            return edit(() -> trySwitch(contextName));
        } catch (KubeconfigException.Conflict first) {
            return edit(() -> trySwitch(contextName));
        }
    }

    /**
     * Goes back to the context the last switch left, like {@code kubectx -}; that switch is remembered in
     * turn, so a second call comes back again.
     */
    public synchronized SwitchOutcome switchBack() {
        Optional<String> target = previous.previousContext(store.locations());
        if (target.isEmpty()) {
            return new SwitchOutcome.NoPreviousContext();
        }
        return switchTo(target.get());
    }

    /** Meridian's contexts, in kubectl's merge order, with their route and namespace. */
    public synchronized List<MeridianContext> meridianContexts() {
        LoadedKubeconfig config = store.load();
        String current = config.currentContext().orElse(null);
        List<MeridianContext> result = new ArrayList<>();
        for (String name : config.contextNames()) {
            if (!ContextNames.isMeridian(name)) {
                continue;
            }
            Found context = config.find(Section.CONTEXTS, name).orElseThrow();
            String server = Nodes.scalar(context.body(), "cluster")
                    .flatMap(c -> config.find(Section.CLUSTERS, c))
                    .flatMap(c -> Nodes.scalar(c.body(), "server"))
                    .orElse(null);
            result.add(new MeridianContext(
                    name,
                    ContextNames.clusterOf(name).orElse(null),
                    ContextNames.spaceOf(name).orElse(null),
                    server,
                    Route.ofServer(server),
                    Nodes.scalar(context.body(), "namespace").orElse(null),
                    name.equals(current),
                    context.file()));
        }
        return result;
    }

    private SwitchOutcome trySwitch(String contextName) {
        LoadedKubeconfig config = store.load();
        if (config.find(Section.CONTEXTS, contextName).isEmpty()) {
            return new SwitchOutcome.NoSuchContext(contextName);
        }
        String current = config.currentContext().orElse(null);
        config.currentContextDocument().setCurrentContext(contextName);
        SwitchOutcome outcome = new SwitchOutcome.Switched(contextName, current, save(config));
        rememberLeft(current, contextName);
        return outcome;
    }

    /** Leaving a context for another one: remember it for {@code use -}. */
    private void rememberLeft(String left, String target) {
        if (left != null && !left.equals(target)) {
            previous.rememberLeft(store.locations(), left);
        }
    }

    /** Runs an edit; if it fails before reaching disk, no parsed tree it touched is reused. */
    private <T> T edit(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (RuntimeException | Error e) {
            store.forgetParsedTrees();
            throw e;
        }
    }

    private void putEntries(LoadedKubeconfig config, ContextSpec spec) {
        for (Section section : Section.values()) {
            config.documentFor(section, spec.name()).putEntry(section, spec.name(), EntryNodes.body(section, spec));
        }
    }

    private List<Path> save(LoadedKubeconfig config) {
        beforeSave.accept(config);
        createDefaultFolder(config);
        return store.save(config);
    }

    /** kubectl creates {@code ~/.kube} on first use; so do we, for the default location only. */
    private static void createDefaultFolder(LoadedKubeconfig config) {
        KubeconfigLocations locations = config.locations();
        if (locations.isExplicit() || !locations.variableFiles().isEmpty()) {
            return;
        }
        Path folder = locations.files().get(0).getParent();
        if (!config.changedDocuments().isEmpty() && !Files.exists(folder)) {
            try {
                Files.createDirectories(
                        folder,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (java.io.IOException e) {
                throw new KubeconfigException.Unwritable("cannot create " + folder + ": " + e, folder, e);
            }
        }
    }

    private static String contextOrCurrent(LoadedKubeconfig config, String contextName) {
        if (contextName != null) {
            return contextName;
        }
        return config.currentContext()
                .orElseThrow(() -> new KubeconfigException.ContextNotFound(
                        "no current context is set in the kubeconfig; choose one with `kubectl config use-context NAME` "
                                + "or name the management context explicitly",
                        "",
                        null));
    }
}
