package dev.meridian.app.kubeconfig;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where kubeconfig files are, resolved as kubectl does: an explicit file ({@code --kubeconfig})
 * overrides everything; else the {@code KUBECONFIG} path list (empty entries and duplicates
 * dropped, order kept); else {@code <home>/.kube/config}.
 *
 * @param explicitFile the {@code --kubeconfig} file, or null
 * @param kubeconfigVariable the value of {@code KUBECONFIG}, or null when unset
 * @param home the user's home folder
 */
public record KubeconfigLocations(Path explicitFile, String kubeconfigVariable, Path home) {

    public KubeconfigLocations {
        Objects.requireNonNull(home, "home");
    }

    /** The locations of the running process (its environment and {@code user.home}). */
    public static KubeconfigLocations fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Locations from an environment map and a home folder; used by tests to stay isolated. */
    public static KubeconfigLocations of(Map<String, String> environment, Path home) {
        return new KubeconfigLocations(null, environment.get("KUBECONFIG"), home);
    }

    /** The same locations with {@code --kubeconfig FILE} given; null keeps them as they are. */
    public KubeconfigLocations withExplicitFile(Path file) {
        return file == null ? this : new KubeconfigLocations(file, kubeconfigVariable, home);
    }

    public boolean isExplicit() {
        return explicitFile != null;
    }

    /** The files to load, in precedence order (the first file that sets a value wins). */
    public List<Path> files() {
        if (explicitFile != null) {
            return List.of(explicitFile.toAbsolutePath().normalize());
        }
        List<Path> fromVariable = variableFiles();
        return fromVariable.isEmpty()
                ? List.of(
                        home.resolve(".kube").resolve("config").toAbsolutePath().normalize())
                : fromVariable;
    }

    /**
     * The file that receives new entries, as kubectl picks it: the explicit file; else with one
     * listed file that file; else the first listed file that exists, else the last listed one.
     */
    public Path defaultFile() {
        List<Path> files = files();
        if (files.size() == 1) {
            return files.get(0);
        }
        return files.stream().filter(Files::exists).findFirst().orElse(files.get(files.size() - 1));
    }

    /** The files in {@code KUBECONFIG}, empty when the variable is unset or blank. */
    public List<Path> variableFiles() {
        if (kubeconfigVariable == null || kubeconfigVariable.isBlank()) {
            return List.of();
        }
        Set<Path> unique = new LinkedHashSet<>();
        for (String part : kubeconfigVariable.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                unique.add(Path.of(part.strip()).toAbsolutePath().normalize());
            }
        }
        return new ArrayList<>(unique);
    }

    public Optional<Path> explicit() {
        return Optional.ofNullable(explicitFile);
    }
}
