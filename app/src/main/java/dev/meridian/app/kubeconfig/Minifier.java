package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import dev.meridian.app.kubeconfig.LoadedKubeconfig.Found;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A standalone kubeconfig with one context, its cluster and its user, like
 * {@code kubectl config view --minify --raw}; relative file paths are made absolute.
 */
final class Minifier {
    private static final List<String> PATH_FIELDS =
            List.of("certificate-authority", "client-certificate", "client-key", "tokenFile");

    private Minifier() {}

    static MappingNode minify(LoadedKubeconfig config, String contextName) {
        Found context = config.find(Section.CONTEXTS, contextName)
                .orElseThrow(() -> ManagementAccessResolver.missingContext(contextName));
        MappingNode root = Nodes.map();
        Nodes.put(root, "apiVersion", Nodes.str("v1"));
        String cluster = Nodes.scalar(context.body(), "cluster").orElse("");
        String user = Nodes.scalar(context.body(), "user").orElse("");
        Nodes.put(root, "clusters", list(config.find(Section.CLUSTERS, cluster), Section.CLUSTERS, cluster));
        Nodes.put(root, "contexts", list(java.util.Optional.of(context), Section.CONTEXTS, contextName));
        Nodes.put(root, "current-context", Nodes.str(contextName));
        Nodes.put(root, "kind", Nodes.str("Config"));
        Nodes.put(root, "users", list(config.find(Section.USERS, user), Section.USERS, user));
        return root;
    }

    private static SequenceNode list(java.util.Optional<Found> found, Section section, String name) {
        SequenceNode list = Nodes.seq();
        found.ifPresent(f -> {
            MappingNode entry = Nodes.map();
            entry.getValue().add(new NodeTuple(Nodes.str(section.bodyKey), absolutePaths(f.body(), f.file())));
            entry.getValue().add(new NodeTuple(Nodes.str("name"), Nodes.str(name)));
            list.getValue().add(entry);
        });
        return list;
    }

    private static MappingNode absolutePaths(MappingNode body, Path file) {
        MappingNode copy = Nodes.map();
        for (NodeTuple t : body.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (PATH_FIELDS.contains(key)
                    && t.getValueNode() instanceof ScalarNode v
                    && !v.getValue().isEmpty()
                    && !Path.of(v.getValue()).isAbsolute()) {
                String absolute = file.toAbsolutePath()
                        .getParent()
                        .resolve(v.getValue())
                        .normalize()
                        .toString();
                copy.getValue().add(new NodeTuple(t.getKeyNode(), Nodes.str(absolute)));
            } else {
                copy.getValue().add(t);
            }
        }
        return copy;
    }
}
