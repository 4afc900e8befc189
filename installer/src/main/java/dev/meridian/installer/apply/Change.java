package dev.meridian.installer.apply;

/** What applying one object did. */
public enum Change {
    CREATED,
    CONFIGURED,
    UNCHANGED
}
