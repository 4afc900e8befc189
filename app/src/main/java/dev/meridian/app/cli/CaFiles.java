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
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInput("Cannot read the CA file " + file + ": it does not exist.", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidInput("Cannot read the CA file " + file + ": permission denied.", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInput(
                    "The CA file " + file + " is not PEM text (it looks binary, e.g. DER); give the " + "PEM of " + what
                            + ".",
                    e);
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a folder" : String.valueOf(e.getMessage());
            throw new InvalidInput("Cannot read the CA file " + file + ": " + why + ".", e);
        }
    }
}
