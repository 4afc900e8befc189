package dev.meridian.app.sandbox;

import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.PlaneContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox's management context in the user's kubeconfig, as {@value Sandbox#CONTEXT}: what the app, the tray
 * and {@code meridian cluster use} read, and where they write the cluster contexts, so a new shell's kubectl sees
 * them. The sandbox owns that name: an entry of it pointing elsewhere is replaced, and the result says so.
 */
public final class SandboxContext {
    private SandboxContext() {}

    /**
     * Copies the management context from a running sandbox's own kubeconfig into the user's (atomically, keeping
     * every other entry; current only when none is).
     *
     * @param user the user's kubeconfig: {@code $KUBECONFIG}, else {@code ~/.kube/config}, created 0600 if missing
     * @param sandboxKubeconfig the kubeconfig the sandbox wrote in its folder
     */
    public static Added addTo(KubeconfigService user, Path sandboxKubeconfig) {
        KubeconfigService own = new KubeconfigService(new KubeconfigLocations(
                sandboxKubeconfig, null, sandboxKubeconfig.toAbsolutePath().getParent()));
        PlaneContext plane = PlaneContext.of(Sandbox.CONTEXT, own.managementAccess(Sandbox.CONTEXT));
        PlaneContext.Written written = user.putPlaneContext(plane);
        Path file = written.filesWritten().isEmpty()
                ? user.locations().defaultFile()
                : written.filesWritten().get(0);
        return new Added(file, plane.server(), written.replacedServer(), written.madeCurrent());
    }

    /**
     * Where the context went.
     *
     * @param file the kubeconfig file holding it
     * @param server the sandbox's management server
     * @param replacedServer the server a {@value Sandbox#CONTEXT} entry pointed at before, when another one
     * @param current whether it became the current context (none was set)
     */
    public record Added(Path file, String server, Optional<String> replacedServer, boolean current) {
        /** One line for people: where the context is, and what it replaced. */
        public String describe() {
            return "Context " + Sandbox.CONTEXT + " is in " + file + (current ? " (now the current context)" : "")
                    + replacedServer
                            .map(old -> "; it pointed at " + old + " before and now points at this sandbox, which "
                                    + "owns that name")
                            .orElse("")
                    + ".";
        }
    }
}
