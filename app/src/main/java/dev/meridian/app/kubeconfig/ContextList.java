package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kube contexts of the kubeconfig files as kubectl merges them, for a person to pick from:
 * contexts of every file in order (the first definition of a name wins) and the current context
 * of the first file that sets one.
 *
 * @param files the files read, in precedence order
 * @param problems one sentence per file that could not be read
 */
public record ContextList(List<Path> files, List<String> names, Optional<String> current, List<String> problems) {

    public ContextList {
        files = List.copyOf(files);
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public boolean contains(String name) {
        return names.contains(name);
    }
}
