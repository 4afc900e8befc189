package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A Meridian context found in the kubeconfig.
 *
 * @param name the context name
 * @param cluster the connected cluster it points at
 * @param space the space (namespace) of a space context, or null
 * @param server its cluster entry's server URL, or null when that entry is missing
 * @param route direct or central, read from the server URL
 * @param namespace the context's namespace, or null
 * @param current whether it is the current context
 * @param file the file holding the context entry
 */
public record MeridianContext(
        String name,
        String cluster,
        String space,
        String server,
        Route route,
        String namespace,
        boolean current,
        Path file) {

    public Optional<String> spaceName() {
        return Optional.ofNullable(space);
    }
}
