package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A Meridian context written to the kubeconfig.
 *
 * @param spec what was written
 * @param filesWritten the files changed (empty when the entries already held this content)
 * @param switched whether {@code current-context} now names it
 * @param previous the context current before the call, or null
 */
public record WriteResult(ContextSpec spec, List<Path> filesWritten, boolean switched, String previous) {
    public WriteResult {
        filesWritten = List.copyOf(filesWritten);
    }

    public boolean changedAnything() {
        return !filesWritten.isEmpty();
    }
}
