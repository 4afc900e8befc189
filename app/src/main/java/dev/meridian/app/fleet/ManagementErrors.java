package dev.meridian.app.fleet;

import dev.meridian.app.core.MeridianException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.function.Supplier;

/** Turns fabric8 failures against the management plane into errors that say what to do. */
public final class ManagementErrors {
    private ManagementErrors() {}

    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(action, e);
        }
    }

    public static MeridianException translate(String action, KubernetesClientException e) {
        int code = e.getCode();
        boolean refusedOrMissing = code == 401 || code == 403 || code == 404;
        if (!refusedOrMissing && (code == 0 || hasIoCause(e))) {
            return ManagementFailures.unreachable(action, rootMessage(e), e);
        }
        return ManagementFailures.answered(action, code, e.getMessage(), e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
