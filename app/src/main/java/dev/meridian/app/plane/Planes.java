package dev.meridian.app.plane;

import dev.meridian.app.contexts.ContextClients;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.app.kubeconfig.ManagementAccess;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Opens the {@link Plane} of a management context: the light client when it carries the context, else fabric8. */
public final class Planes {
    private Planes() {}

    /**
     * The plane of a management context; the caller closes it.
     *
     * @param context the management context (null: the current one)
     * @param env the environment (proxy variables)
     * @throws dev.meridian.app.core.MeridianException.InvalidInput when the kubeconfig has no such context
     */
    public static Plane open(KubeconfigService kubeconfig, String context, Map<String, String> env, Clock clock) {
        ManagementAccess access;
        try {
            access = kubeconfig.managementAccess(context);
        } catch (KubeconfigException.ContextNotFound e) {
            throw ContextClients.noPlane(kubeconfig.locations(), e);
        }
        if (HttpPlane.carries(access)) {
            return new HttpPlane(access, env, clock);
        }
        return new FabricPlane(ContextClients.open(kubeconfig, access.contextName()), clock);
    }

    /**
     * The light client's plane for the context when it carries the context, else empty (for work that is
     * worth doing only when it is cheap, such as a prefetch).
     *
     * @throws RuntimeException what reading the kubeconfig throws
     */
    public static Optional<Plane> openLight(
            KubeconfigService kubeconfig, String context, Map<String, String> env, Clock clock) {
        ManagementAccess access = kubeconfig.managementAccess(context);
        return HttpPlane.carries(access) ? Optional.of(new HttpPlane(access, env, clock)) : Optional.empty();
    }
}
