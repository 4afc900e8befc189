package dev.meridian.installer.manifest;

import dev.meridian.installer.InstallerException;

/** An {@link InstallSpec} value that cannot be installed; names the field and the bad value. */
public final class InvalidSpecException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public InvalidSpecException(String field, String value, String problem) {
        super(Failure.INVALID, "invalid " + field + " '" + value + "': " + problem);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
