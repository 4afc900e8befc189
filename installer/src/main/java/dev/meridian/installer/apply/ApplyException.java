package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;

/**
 * The API server refused or failed to apply one object; nothing after it was applied. A refusal
 * ({@link Failure#REFUSED}) says in one sentence what the cluster refused and what to do; the cluster
 * being out of reach ({@link Failure#UNREACHABLE}) says that running the install again completes it.
 */
public final class ApplyException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef object;

    public ApplyException(ObjectRef object, Throwable cause) {
        super(ClusterRefusal.failureOf(cause), message(object, cause), cause);
        this.object = object;
    }

    public ObjectRef object() {
        return object;
    }

    private static String message(ObjectRef object, Throwable cause) {
        if (ClusterRefusal.isRefusal(cause)) {
            return ClusterRefusal.sentence("apply " + object, cause, ClusterRefusal.applyAdvice(object, cause));
        }
        return "failed to apply " + object + ": " + ClusterAccessException.reason(cause)
                + ". Objects before it are in place; fix the cause and run the install again to complete it.";
    }
}
