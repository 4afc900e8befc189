package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The cluster, user and context entry bodies of a {@link ContextSpec}, in kubectl's field order. */
final class EntryNodes {
    private EntryNodes() {}

    static MappingNode body(Section section, ContextSpec spec) {
        return switch (section) {
            case CLUSTERS -> cluster(spec);
            case USERS -> user(spec.credential());
            case CONTEXTS -> context(spec);
        };
    }

    static MappingNode cluster(ContextSpec spec) {
        return cluster(spec.server(), spec.tls(), spec.proxyUrl());
    }

    static MappingNode cluster(String server, TlsSettings tls, String proxyUrl) {
        MappingNode body = Nodes.map();
        tls.caFile().ifPresent(v -> add(body, "certificate-authority", Nodes.str(v)));
        tls.caData().ifPresent(v -> add(body, "certificate-authority-data", Nodes.str(v)));
        if (tls.insecureSkipTlsVerify()) {
            add(body, "insecure-skip-tls-verify", Nodes.bool(true));
        }
        if (proxyUrl != null) {
            add(body, "proxy-url", Nodes.str(proxyUrl));
        }
        add(body, "server", Nodes.str(server));
        tls.serverName().ifPresent(v -> add(body, "tls-server-name", Nodes.str(v)));
        return body;
    }

    static MappingNode user(Credential credential) {
        MappingNode body = Nodes.map();
        if (credential instanceof Credential.Token t) {
            add(body, "token", Nodes.str(t.token()));
        } else if (credential instanceof Credential.TokenFile f) {
            add(body, "tokenFile", Nodes.str(f.path()));
        } else if (credential instanceof Credential.Exec e) {
            add(body, "exec", Nodes.fromData(e.exec()));
        }
        return body;
    }

    static MappingNode context(ContextSpec spec) {
        return context(spec.name(), spec.space());
    }

    /** A context whose cluster and user entries carry its own name; {@code namespace} may be null. */
    static MappingNode context(String name, String namespace) {
        MappingNode body = Nodes.map();
        add(body, "cluster", Nodes.str(name));
        if (namespace != null) {
            add(body, "namespace", Nodes.str(namespace));
        }
        add(body, "user", Nodes.str(name));
        return body;
    }

    /** A standalone kubeconfig holding just this context, for {@code --print}. */
    static MappingNode fragment(ContextSpec spec, boolean withCurrentContext) {
        MappingNode root = Nodes.map();
        add(root, "apiVersion", Nodes.str("v1"));
        for (Section section : Section.values()) {
            SequenceNode list = Nodes.seq();
            MappingNode entry = Nodes.map();
            add(entry, section.bodyKey, body(section, spec));
            add(entry, "name", Nodes.str(spec.name()));
            list.getValue().add(entry);
            add(root, section.key, list);
        }
        if (withCurrentContext) {
            add(root, "current-context", Nodes.str(spec.name()));
        }
        add(root, "kind", Nodes.str("Config"));
        return root;
    }

    private static void add(MappingNode map, String key, org.yaml.snakeyaml.nodes.Node value) {
        map.getValue().add(new NodeTuple(Nodes.str(key), value));
    }
}
