package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException.InvalidInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a CA file given on the command line, refusing what cannot be a PEM bundle. */
final class CaFiles {
    private static final long MAX_BYTES = 1024 * 1024;

    private CaFiles() {}

    /** The PEM text of {@code file}; {@code what} names the CA in errors, e.g. "the endpoint's CA". */
    static String readPem(Path file, String what) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInput("CA file " + file + " is larger than 1 MiB; give the PEM of " + what + ".");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInput("Cannot read the CA file " + file + ": " + e.getMessage(), e);
        }
    }
}
