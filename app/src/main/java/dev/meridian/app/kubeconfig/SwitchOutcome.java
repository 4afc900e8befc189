package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.List;

/** What a request to switch the current context came to. */
public sealed interface SwitchOutcome {

    /**
     * The current context is now {@code context}.
     *
     * @param previous the context that was current before, or null
     * @param filesWritten the files written (empty when it was already current and unchanged)
     */
    record Switched(String context, String previous, List<Path> filesWritten) implements SwitchOutcome {
        public Switched {
            filesWritten = List.copyOf(filesWritten);
        }

        public boolean wasAlreadyCurrent() {
            return context.equals(previous);
        }
    }

    /** No context of that name exists; nothing was written. */
    record NoSuchContext(String context) implements SwitchOutcome {}

    /** {@code use -} was asked but no previous context is remembered; nothing was written. */
    record NoPreviousContext() implements SwitchOutcome {}
}
