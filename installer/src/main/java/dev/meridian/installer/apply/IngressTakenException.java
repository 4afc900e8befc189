package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;

/**
 * An Ingress Meridian cannot adopt already routes the host the install asks for; nothing was applied.
 * ingress-nginx refuses a second Ingress for the same host and path, so installing anyway would fail
 * half-way or, without that check, split the host's traffic.
 */
public final class IngressTakenException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final transient ObjectRef ingress;

    public IngressTakenException(ObjectRef ingress, String message) {
        super(Failure.INVALID, message);
        this.ingress = ingress;
    }

    /** The Ingress in the way. */
    public ObjectRef ingress() {
        return ingress;
    }
}
