package dev.meridian.app.ui.install;

import dev.meridian.app.sandbox.SandboxInstallDefaults;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the wizard and the uninstall dialog reach the connected cluster: one of the kubeconfig's contexts or, for a
 * sandbox cluster, its central route through the management plane, which is what {@code meridian agent} takes there
 * without {@code --target-context}. A fresh sandbox has no context of its clusters until "Use cluster", and the
 * central route needs none.
 */
final class Targets {
    /** The choice, among the context names, that means the cluster's central route. */
    static final String CENTRAL_ROUTE = "Central route through the management plane";

    private Targets() {}

    /** What to offer: the contexts, and the central route for a sandbox cluster. */
    static List<String> offered(List<String> contexts, boolean sandbox) {
        List<String> offered = new ArrayList<>(contexts);
        if (sandbox) {
            offered.add(CENTRAL_ROUTE);
        }
        return List.copyOf(offered);
    }

    /**
     * The install's preselected target: a context named as the cluster; on a sandbox cluster else its Meridian
     * context, else its central route; null when the user must choose.
     */
    static String forInstall(String cluster, List<String> contexts, boolean sandbox) {
        if (contexts.contains(cluster)) {
            return cluster;
        }
        return sandbox ? SandboxInstallDefaults.targetContext(cluster, contexts).orElse(CENTRAL_ROUTE) : null;
    }

    /**
     * The uninstall's preselected target: a context named as the cluster; on a sandbox cluster else its central
     * route, not its Meridian context, which after "Use cluster" goes through the very agent being removed.
     */
    static String forUninstall(String cluster, List<String> contexts, boolean sandbox) {
        if (contexts.contains(cluster)) {
            return cluster;
        }
        return sandbox ? CENTRAL_ROUTE : null;
    }

    /** "context X", or "cluster C through the management plane's central route", for sentences. */
    static String describe(String target, String cluster) {
        return CENTRAL_ROUTE.equals(target)
                ? "cluster " + cluster + " through the management plane's central route"
                : "context " + target;
    }
}
