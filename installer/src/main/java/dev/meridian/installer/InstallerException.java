package dev.meridian.installer;

/**
 * Root of every failure the installer reports. Subclasses carry the details of what failed
 * (object, namespace, timeout...) and always the underlying cause when there is one.
 */
public class InstallerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InstallerException(String message) {
        super(message);
    }

    public InstallerException(String message, Throwable cause) {
        super(message, cause);
    }
}
