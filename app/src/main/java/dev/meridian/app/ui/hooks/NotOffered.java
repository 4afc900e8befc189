package dev.meridian.app.ui.hooks;

import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.kubeconfig.ContextConnection;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * The part a configuration does not offer, behind each part's {@code unavailable()}. The window asks
 * {@code isOffered()} before it shows a part's actions, so any other call is a bug and fails loudly.
 */
enum NotOffered implements ContextActions, HealthSource, AgentInstallerLauncher, SandboxStarter {
    INSTANCE;

    @Override
    public boolean isOffered() {
        return false;
    }

    @Override
    public String useCluster(ContextConnection plane, ClusterInfo cluster) {
        throw notOffered("switching kube contexts");
    }

    @Override
    public String useSpace(ContextConnection plane, ClusterInfo cluster, String space) {
        throw notOffered("switching kube contexts");
    }

    @Override
    public String createSpace(ContextConnection plane, ClusterInfo cluster, String space) {
        throw notOffered("creating spaces");
    }

    @Override
    public List<String> spaces(ContextConnection plane, ClusterInfo cluster) {
        throw notOffered("listing spaces");
    }

    @Override
    public HealthSummary probe(ClusterInfo cluster) {
        throw notOffered("probing health");
    }

    @Override
    public void open(Window owner, ContextConnection plane, ClusterInfo cluster) {
        throw notOffered("installing the agent");
    }

    @Override
    public void openUninstall(
            Window owner,
            ContextConnection plane,
            ClusterInfo cluster,
            Consumer<String> onDone,
            Consumer<String> onFailed) {
        throw notOffered("uninstalling the agent");
    }

    @Override
    public String start() {
        throw notOffered("starting a sandbox");
    }

    private static IllegalStateException notOffered(String what) {
        return new IllegalStateException(
                "This app does not offer " + what + "; the window should have asked isOffered() first.");
    }

    @Override
    public String toString() {
        return "not offered";
    }
}
