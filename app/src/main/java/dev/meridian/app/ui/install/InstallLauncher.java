package dev.meridian.app.ui.install;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.ui.hooks.AgentInstallerLauncher;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The hook the desktop app calls to open the install wizard and the uninstall dialog: each gets a view model of its
 * own over the services given here, and closes it with its window.
 */
public final class InstallLauncher implements AgentInstallerLauncher {
    private final Supplier<List<String>> contexts;
    private final InstallServices services;
    private final AgentFinder finder;

    /**
     * @param contexts the kube contexts to offer as the target, read each time a window opens (e.g. the
     *     kubeconfig's context names)
     */
    public InstallLauncher(Supplier<List<String>> contexts, InstallServices services) {
        this.contexts = contexts;
        this.services = services;
        this.finder = new AgentFinder(services);
    }

    /** Asks the cluster through the uninstall dialog's preselected target; else, or unanswered, the fleet's word. */
    @Override
    public void findAgent(ContextConnection plane, ClusterInfo cluster, Consumer<Presence> onAnswer) {
        finder.find(plane, cluster, contexts.get(), onAnswer);
    }

    @Override
    public void open(Window owner, ContextConnection plane, ClusterInfo cluster) {
        new AgentInstallWizard(new InstallViewModel(services, plane, cluster, contexts.get())).show(owner);
    }

    @Override
    public void openUninstall(
            Window owner,
            ContextConnection plane,
            ClusterInfo cluster,
            Consumer<String> onDone,
            Consumer<String> onFailed) {
        new AgentUninstallDialog(new UninstallViewModel(services, plane, cluster, contexts.get(), onDone, onFailed))
                .show(owner);
    }
}
