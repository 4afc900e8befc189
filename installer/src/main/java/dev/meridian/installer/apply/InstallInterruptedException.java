package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;

/** The calling thread was interrupted; the objects applied so far stay, a re-run completes them. */
public final class InstallInterruptedException extends InstallerException {

    private static final long serialVersionUID = 1L;

    public InstallInterruptedException(String step, Throwable cause) {
        super(Failure.INTERRUPTED, "interrupted while " + step + "; run the same command again to complete it", cause);
    }
}
