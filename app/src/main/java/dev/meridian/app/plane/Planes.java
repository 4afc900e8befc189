package dev.meridian.app.plane;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import java.time.Clock;
import java.util.Map;

/** Opens the {@link Plane} of a management context: the light client when it carries the context, else fabric8. */
public final class Planes {
    private Planes() {}

    /**
     * @param context the management context (null: the current one)
     * @param env the environment (proxy variables)
     * @throws dev.meridian.app.core.MeridianException.ManagementPlane when the kubeconfig has no such context
     */
    /**
     * The light client's plane for the context, when it carries the context; empty otherwise.
     *
     * @throws RuntimeException what reading the kubeconfig throws
     */
    public static java.util.Optional<Plane> openLight(
            KubeconfigService kubeconfig, String context, Map<String, String> env, Clock clock) {
        ManagementAccess access = kubeconfig.managementAccess(context);
        return HttpPlane.carries(access)
                ? java.util.Optional.of(new HttpPlane(access, env, clock))
                : java.util.Optional.empty();
    }

    public static Plane open(KubeconfigService kubeconfig, String context, Map<String, String> env, Clock clock) {
        ManagementAccess access;
        try {
            access = kubeconfig.managementAccess(context);
        } catch (KubeconfigException.ContextNotFound e) {
            throw ContextClients.noPlane(e);
        }
        if (HttpPlane.carries(access)) {
            return new HttpPlane(access, env, clock);
        }
        return new FabricPlane(ContextClients.open(kubeconfig, access.contextName()), clock);
    }
}
