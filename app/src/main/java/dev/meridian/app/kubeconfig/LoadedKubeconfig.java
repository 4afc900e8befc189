package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The files of one kubeconfig, merged as kubectl merges them: for every named entry and for
 * {@code current-context}, the first file that sets it wins.
 */
final class LoadedKubeconfig {
    /** An entry found in the merged view, with the file that holds it. */
    record Found(KubeconfigDocument document, MappingNode body) {
        Path file() {
            return document.path();
        }
    }

    private final KubeconfigLocations locations;
    private final List<KubeconfigDocument> documents;

    LoadedKubeconfig(KubeconfigLocations locations, List<KubeconfigDocument> documents) {
        this.locations = locations;
        this.documents = List.copyOf(documents);
    }

    KubeconfigLocations locations() {
        return locations;
    }

    List<KubeconfigDocument> documents() {
        return documents;
    }

    Optional<String> currentContext() {
        return documents.stream().flatMap(d -> d.currentContext().stream()).findFirst();
    }

    Optional<Found> find(Section section, String name) {
        for (KubeconfigDocument document : documents) {
            Optional<MappingNode> body = document.body(section, name);
            if (body.isPresent()) {
                return Optional.of(new Found(document, body.get()));
            }
            if (document.entry(section, name).isPresent()) {
                // An entry without a body still claims the name, as in kubectl.
                return Optional.of(new Found(document, Nodes.map()));
            }
        }
        return Optional.empty();
    }

    /** Context names in merged order (first file's entries first), without duplicates. */
    List<String> contextNames() {
        Set<String> names = new LinkedHashSet<>();
        documents.forEach(d -> names.addAll(d.names(Section.CONTEXTS)));
        return new ArrayList<>(names);
    }

    /** The file that holds an entry, or the default file for a new entry. */
    KubeconfigDocument documentFor(Section section, String name) {
        return documents.stream()
                .filter(d -> d.entry(section, name).isPresent())
                .findFirst()
                .orElseGet(this::defaultDocument);
    }

    /** kubectl's choice for new entries (see {@link KubeconfigLocations#defaultFile()}). */
    KubeconfigDocument defaultDocument() {
        Path file = locations.defaultFile();
        return documents.stream().filter(d -> d.path().equals(file)).findFirst().orElseThrow();
    }

    /**
     * Where {@code current-context} is written: the default file, as kubectl 1.32 does
     * ({@code kubectl config use-context} with two files in KUBECONFIG writes the first one even
     * when only the second sets it; being first, the value written there wins).
     */
    KubeconfigDocument currentContextDocument() {
        return defaultDocument();
    }

    List<KubeconfigDocument> changedDocuments() {
        return documents.stream().filter(KubeconfigDocument::isChanged).toList();
    }
}
