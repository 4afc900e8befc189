package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;

/** The API server refused or failed to apply one object; nothing after it was applied. */
public final class ApplyException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef object;

    public ApplyException(ObjectRef object, Throwable cause) {
        super(
                "failed to apply " + object + ": " + ClusterAccessException.reason(cause)
                        + ". Objects before it are in place; fix the cause and run the install again to complete it.",
                cause);
        this.object = object;
    }

    public ObjectRef object() {
        return object;
    }
}
