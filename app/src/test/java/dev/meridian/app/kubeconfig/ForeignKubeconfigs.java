package dev.meridian.app.kubeconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Random kubeconfigs full of entries Meridian does not own, and their foreign projection. */
final class ForeignKubeconfigs {
    private ForeignKubeconfigs() {}

    /** A kubeconfig text with comments, extensions, odd quoting, unknown fields. */
    static String generate(Random random, String prefix, boolean withManagement) {
        StringBuilder out = new StringBuilder("# generated for " + prefix + "\napiVersion: v1\nclusters:\n");
        int clusters = 2 + random.nextInt(6);
        if (withManagement) {
            out.append(
                            "- cluster:\n    certificate-authority-data: bWdtdA==\n    server: https://mgmt.example.com:8443\n")
                    .append("  name: mgmt\n");
        }
        for (int i = 0; i < clusters; i++) {
            if (random.nextInt(3) == 0) {
                out.append("# cluster ").append(i).append(" belongs to another team\n");
            }
            out.append("- cluster:\n");
            if (random.nextBoolean()) {
                out.append("    extensions:\n    - extension:\n        provider: tool-")
                        .append(i)
                        .append("\n        when: \"2024-01-0")
                        .append(1 + random.nextInt(8))
                        .append("\"\n      name: info\n");
            }
            String quote = random.nextBoolean() ? "'" : "";
            out.append("    server: ")
                    .append(quote)
                    .append("https://")
                    .append(prefix)
                    .append(i)
                    .append(".example.com:")
                    .append(6443 + i)
                    .append(quote)
                    .append(random.nextInt(4) == 0 ? "  # keep me" : "")
                    .append('\n');
            if (random.nextBoolean()) {
                out.append("    x-vendor: {a: 1, b: [x, y]}\n");
            }
            out.append("  name: ").append(prefix).append("-c").append(i).append('\n');
        }
        out.append("contexts:\n");
        if (withManagement) {
            out.append("- context:\n    cluster: mgmt\n    user: admin\n  name: mgmt\n");
        }
        for (int i = 0; i < clusters; i++) {
            out.append("- context:\n    cluster: ")
                    .append(prefix)
                    .append("-c")
                    .append(i)
                    .append('\n');
            if (random.nextBoolean()) {
                out.append("    namespace: ns-").append(i).append('\n');
            }
            out.append("    user: ")
                    .append(prefix)
                    .append("-u")
                    .append(i)
                    .append("\n  name: ")
                    .append(prefix)
                    .append("-x")
                    .append(i)
                    .append('\n');
        }
        if (withManagement) {
            out.append("current-context: mgmt\n");
        }
        out.append("kind: Config\npreferences: {}\nusers:\n");
        if (withManagement) {
            out.append("- name: admin\n  user:\n    token: management-token\n");
        }
        for (int i = 0; i < clusters; i++) {
            out.append("- name: ").append(prefix).append("-u").append(i).append("\n  user:\n");
            switch (random.nextInt(3)) {
                case 0 -> out.append("    token: tok-").append(i).append('\n');
                case 1 -> out.append("    client-certificate-data: Y2VydA==\n    client-key-data: a2V5\n");
                default ->
                    out.append("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n")
                            .append("      command: tool\n      args: [\"get\", \"--id=")
                            .append(i)
                            .append("\"]\n");
            }
        }
        // A block scalar makes the file one the index leaves to the whole parse: half the files have one.
        out.append(random.nextBoolean() ? "x-owner: |\n  multi\n  line\n" : "x-owner: one line\n");
        return out.toString();
    }

    /** What Meridian must never change in a file: everything but current-context and meridian_* entries. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> foreignProjection(String text) {
        Object loaded = new Yaml().load(text);
        Map<String, Object> root =
                loaded == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) loaded);
        root.remove("current-context");
        for (String section : List.of("clusters", "users", "contexts")) {
            Object list = root.get(section);
            if (list instanceof List<?> entries) {
                List<Object> foreign = new ArrayList<>();
                for (Object entry : entries) {
                    Object name = ((Map<String, Object>) entry).get("name");
                    if (!(name instanceof String s && s.startsWith("meridian_"))) {
                        foreign.add(entry);
                    }
                }
                root.put(section, foreign);
            } else {
                root.put(section, List.of());
            }
        }
        root.remove("apiVersion");
        root.remove("kind");
        return root;
    }

    /** Another tool's rewrite: drops comments and changes layout, adds or edits a foreign entry. */
    @SuppressWarnings("unchecked")
    static String rewriteAsAnotherTool(String text, Random random, int generation) {
        Object loaded = new Yaml().load(text);
        Map<String, Object> root = loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
        List<Object> clusters = root.get("clusters") instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        root.put("clusters", clusters);
        if (!clusters.isEmpty() && random.nextBoolean()) {
            Map<String, Object> entry = (Map<String, Object>) clusters.get(random.nextInt(clusters.size()));
            if (!String.valueOf(entry.get("name")).startsWith("meridian_")) {
                Map<String, Object> body = (Map<String, Object>) entry.get("cluster");
                body.put("server", "https://rewritten-" + generation + ".example.com");
            }
        } else {
            Map<String, Object> body =
                    new LinkedHashMap<>(Map.of("server", "https://other-" + generation + ".example.com"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("cluster", body);
            entry.put("name", "other-" + generation);
            clusters.add(entry);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(
                random.nextBoolean() ? DumperOptions.FlowStyle.BLOCK : DumperOptions.FlowStyle.AUTO);
        options.setIndent(2 + random.nextInt(3));
        options.setIndicatorIndent(random.nextBoolean() ? 0 : 1);
        return new Yaml(options).dump(root);
    }
}
