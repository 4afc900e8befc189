package dev.meridian.installer.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.YamlDumpSettingsBuilder;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Renders objects as one multi-document YAML stream, as {@code kubectl apply -f} reads it. */
public final class YamlRenderer {

    // Quotes only where YAML needs them (numbers, booleans, special characters), as people write it.
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            new JsonMapper(),
            true,
            new YamlDumpSettingsBuilder().setMinimizeQuotes(true).build());

    private YamlRenderer() {}

    public static String render(List<? extends HasMetadata> objects) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            String document = SERIALIZATION.asYaml(object);
            if (!document.startsWith("---")) {
                yaml.append("---\n");
            }
            yaml.append(document);
            if (!document.endsWith("\n")) {
                yaml.append('\n');
            }
        }
        return yaml.toString();
    }
}
