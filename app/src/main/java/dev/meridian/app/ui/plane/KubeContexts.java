package dev.meridian.app.ui.plane;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The kube contexts the management plane picker offers, read from the kubeconfig files as kubectl
 * merges them: contexts of every file in order (the first definition of a name wins), and the
 * current context of the first file that sets one. Never throws: unreadable files become problems.
 *
 * @param problems one sentence per file that could not be read
 */
public record KubeContexts(List<Path> files, List<String> names, Optional<String> current, List<String> problems) {

    public KubeContexts {
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

    public static KubeContexts read(List<Path> files) {
        Set<String> names = new LinkedHashSet<>();
        String current = null;
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                Map<?, ?> root = load(file);
                if (current == null && root.get("current-context") instanceof String c && !c.isBlank()) {
                    current = c;
                }
                if (root.get("contexts") instanceof List<?> contexts) {
                    for (Object entry : contexts) {
                        if (entry instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                            names.add(name);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add("Could not read the kubeconfig " + file + ": " + e.getMessage()
                        + ". Fix the file or point KUBECONFIG at another one.");
            }
        }
        return new KubeContexts(files, new ArrayList<>(names), Optional.ofNullable(current), problems);
    }

    private static Map<?, ?> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(options)).load(in);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("it is not a YAML mapping");
            }
            return map;
        }
    }
}
