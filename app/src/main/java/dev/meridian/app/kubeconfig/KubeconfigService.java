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

/**
 * Meridian's kubeconfig engine: reads the user's kubeconfig like kubectl, writes Meridian's
 * contexts ({@code meridian_*}) into it without disturbing anything else, and switches
 * contexts. Every call reloads the files, so it always acts on what is on disk now.
 * {@code current-context} changes only in the {@code switch*} and {@code writeAndSwitch} calls.
 * Thread-compatible: calls from several threads are safe (each is a load-modify-write under
 * kubectl's file lock) but not ordered.
 */
public final class KubeconfigService {
  private final KubeconfigStore store;
  private final ManagementAccessResolver resolver;
  private final Consumer<LoadedKubeconfig> beforeSave;

  public KubeconfigService(KubeconfigLocations locations) {
    this(locations, new YamlCodec(), Duration.ofSeconds(2), loaded -> { });
  }

  /** @param beforeSave runs between reading and writing; tests use it to simulate other writers */
  KubeconfigService(KubeconfigLocations locations, YamlCodec codec, Duration lockPatience,
      Consumer<LoadedKubeconfig> beforeSave) {
    this.store = new KubeconfigStore(locations, codec, lockPatience);
    this.resolver = new ManagementAccessResolver(codec);
    this.beforeSave = beforeSave;
  }

  public KubeconfigLocations locations() {
    return store.locations();
  }

  /** The current context, empty when none is set. */
  public Optional<String> currentContext() {
    return store.load().currentContext();
  }

  /** All context names, in kubectl's merge order. */
  public List<String> contextNames() {
    return store.load().contextNames();
  }

  /** The non-Meridian context that {@link #switchBack()} returns to, if one is remembered. */
  public Optional<String> previousContext() {
    return store.load().previousContext();
  }

  /**
   * Server, TLS settings and bearer credential of a context.
   *
   * @param contextName the management context; null for the current context
   * @throws KubeconfigException.ContextNotFound when it does not exist (or none is current)
   * @throws KubeconfigException.UnsupportedCredential when its user has no bearer credential
   */
  public ManagementAccess managementAccess(String contextName) {
    LoadedKubeconfig config = store.load();
    return resolver.resolve(config, contextOrCurrent(config, contextName));
  }

  /** What a Kubernetes client needs to connect with a context (null: the current one). */
  public ManagementConnection managementConnection(String contextName) {
    LoadedKubeconfig config = store.load();
    String name = contextOrCurrent(config, contextName);
    String minified = store.codec().dump(Minifier.minify(config, name));
    return new ManagementConnection(config.locations().files(), name, minified);
  }

  /** Writes a Meridian context's entries; {@code current-context} stays as it is. */
  public WriteResult write(ContextSpec spec) {
    LoadedKubeconfig config = store.load();
    String current = config.currentContext().orElse(null);
    putEntries(config, spec);
    return new WriteResult(spec, save(config), false, current);
  }

  /** Writes a Meridian context's entries and makes it the current context. */
  public WriteResult writeAndSwitch(ContextSpec spec) {
    LoadedKubeconfig config = store.load();
    String current = config.currentContext().orElse(null);
    putEntries(config, spec);
    select(config, spec.name());
    return new WriteResult(spec, save(config), true, current);
  }

  /** The kubeconfig fragment of a context, for {@code --print}; writes nothing. */
  public String render(ContextSpec spec) {
    return store.codec().dump(EntryNodes.fragment(spec, true));
  }

  /**
   * Makes an existing context current. When a file changed between our read and our write,
   * the switch is read and applied once more (a switch has nothing to merge).
   */
  public SwitchOutcome switchTo(String contextName) {
    try {
      return trySwitch(contextName);
    } catch (KubeconfigException.Conflict first) {
      return trySwitch(contextName);
    }
  }

  /** Goes back to the remembered non-Meridian context, like {@code kubectx -}. */
  public SwitchOutcome switchBack() {
    Optional<String> previous = previousContext();
    if (previous.isEmpty()) {
      return new SwitchOutcome.NoPreviousContext();
    }
    return switchTo(previous.get());
  }

  /** Meridian's contexts, in kubectl's merge order, with their route and namespace. */
  public List<MeridianContext> meridianContexts() {
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
          .flatMap(c -> Nodes.scalar(c.body(), "server")).orElse(null);
      result.add(new MeridianContext(name, ContextNames.clusterOf(name).orElse(null),
          ContextNames.spaceOf(name).orElse(null), server, Route.ofServer(server),
          Nodes.scalar(context.body(), "namespace").orElse(null), name.equals(current), context.file()));
    }
    return result;
  }

  private SwitchOutcome trySwitch(String contextName) {
    LoadedKubeconfig config = store.load();
    if (config.find(Section.CONTEXTS, contextName).isEmpty()) {
      return new SwitchOutcome.NoSuchContext(contextName);
    }
    String current = config.currentContext().orElse(null);
    select(config, contextName);
    return new SwitchOutcome.Switched(contextName, current, save(config));
  }

  /** Points current-context at {@code target}, remembering a non-Meridian context we leave. */
  private static void select(LoadedKubeconfig config, String target) {
    KubeconfigDocument document = config.currentContextDocument();
    Optional<String> current = config.currentContext();
    if (current.isPresent() && !ContextNames.isMeridian(current.get()) && !current.get().equals(target)) {
      document.setPreviousContext(current.get());
    }
    document.setCurrentContext(target);
  }

  private void putEntries(LoadedKubeconfig config, ContextSpec spec) {
    for (Section section : Section.values()) {
      config.documentFor(section, spec.name())
          .putEntry(section, spec.name(), EntryNodes.body(section, spec), store.codec());
    }
  }

  private List<Path> save(LoadedKubeconfig config) {
    beforeSave.accept(config);
    createDefaultFolder(config);
    return store.save(config);
  }

  /** kubectl creates {@code ~/.kube} on first use; so do we, for the default location only. */
  private void createDefaultFolder(LoadedKubeconfig config) {
    KubeconfigLocations locations = config.locations();
    if (locations.isExplicit() || !locations.variableFiles().isEmpty()) {
      return;
    }
    Path folder = locations.files().get(0).getParent();
    if (!config.changedDocuments().isEmpty() && !Files.exists(folder)) {
      try {
        Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
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
    return config.currentContext().orElseThrow(() -> new KubeconfigException.ContextNotFound(
        "no current context is set in the kubeconfig; choose one with `kubectl config use-context NAME` "
            + "or name the management context explicitly", "", null));
  }
}
