package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;

/** An operation needs an installed agent and there is none in the namespace. */
public final class NotInstalledException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final String namespace;

    public NotInstalledException(String namespace) {
        super(
                Failure.NOT_INSTALLED,
                "no Meridian agent is installed in namespace " + namespace
                        + " (Deployment loft-agent not found). Install it first, or give the namespace it was installed in.");
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }
}
