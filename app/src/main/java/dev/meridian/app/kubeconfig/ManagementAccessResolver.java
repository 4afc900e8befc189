package dev.meridian.app.kubeconfig;

import dev.meridian.app.kubeconfig.KubeconfigDocument.Section;
import dev.meridian.app.kubeconfig.LoadedKubeconfig.Found;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/** Extracts {@link ManagementAccess} from a context of a loaded kubeconfig. */
final class ManagementAccessResolver {
    private final YamlCodec codec;

    ManagementAccessResolver(YamlCodec codec) {
        this.codec = codec;
    }

    ManagementAccess resolve(LoadedKubeconfig config, String contextName) {
        Found context = config.find(Section.CONTEXTS, contextName).orElseThrow(() -> missingContext(contextName));
        String clusterName = Nodes.scalar(context.body(), "cluster")
                .orElseThrow(() -> incomplete(contextName, "names no cluster", context.file()));
        String userName = Nodes.scalar(context.body(), "user")
                .orElseThrow(() -> incomplete(contextName, "names no user", context.file()));
        Found cluster = config.find(Section.CLUSTERS, clusterName)
                .orElseThrow(() -> incomplete(
                        contextName, "uses cluster " + clusterName + ", which does not exist", context.file()));
        Found user = config.find(Section.USERS, userName)
                .orElseThrow(() ->
                        incomplete(contextName, "uses user " + userName + ", which does not exist", context.file()));
        String server = Nodes.scalar(cluster.body(), "server")
                .orElseThrow(() -> incomplete(contextName, "has a cluster without a server", cluster.file()));
        return new ManagementAccess(
                contextName,
                server,
                tls(cluster),
                Nodes.scalar(cluster.body(), "proxy-url").orElse(null),
                credential(userName, user),
                context.file());
    }

    static KubeconfigException.ContextNotFound missingContext(String name) {
        return new KubeconfigException.ContextNotFound(
                "context " + name + " does not exist in the kubeconfig; list them with `kubectl config get-contexts`",
                name,
                null);
    }

    private static TlsSettings tls(Found cluster) {
        MappingNode body = cluster.body();
        return new TlsSettings(
                Nodes.scalar(body, "certificate-authority-data").orElse(null),
                Nodes.scalar(body, "certificate-authority")
                        .map(p -> absolute(p, cluster.file()))
                        .orElse(null),
                Nodes.scalar(body, "insecure-skip-tls-verify")
                        .map(Boolean::parseBoolean)
                        .orElse(false),
                Nodes.scalar(body, "tls-server-name").orElse(null));
    }

    private Credential credential(String userName, Found user) {
        MappingNode body = user.body();
        Optional<String> token = Nodes.scalar(body, "token").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            return new Credential.Token(token.get());
        }
        Optional<String> tokenFile = Nodes.scalar(body, "tokenFile").filter(t -> !t.isEmpty());
        if (tokenFile.isPresent()) {
            return new Credential.TokenFile(absolute(tokenFile.get(), user.file()));
        }
        Optional<MappingNode> exec = Nodes.mapping(body, "exec");
        if (exec.isPresent()) {
            return new Credential.Exec(execData(exec.get(), user.file()));
        }
        boolean clientCertificate = Nodes.get(body, "client-certificate-data").isPresent()
                || Nodes.get(body, "client-certificate").isPresent();
        String why = clientCertificate
                ? "authenticates with a client certificate only. A client certificate (mutual TLS) ends at "
                        + "the ingress in front of a cluster endpoint, so it cannot authenticate requests sent "
                        + "through it."
                : "has no token, tokenFile or exec credential.";
        throw new KubeconfigException.UnsupportedCredential(
                "user " + userName + " of the management context " + why + " Give that user a bearer "
                        + "credential: a token (`kubectl config set-credentials " + userName + " --token=...`, "
                        + "for example from a ServiceAccount), a tokenFile, or an exec plugin, then try again.",
                userName,
                user.file(),
                null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> execData(MappingNode exec, Path file) {
        Object data = codec.parseData(codec.dump(exec));
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) data);
        Object command = copy.get("command");
        // kubectl resolves a command with a path separator relative to the file that holds it.
        if (command instanceof String c && c.contains("/") && !Path.of(c).isAbsolute()) {
            copy.put("command", absolute(c, file));
        }
        return copy;
    }

    private static String absolute(String path, Path file) {
        Path p = Path.of(path);
        return p.isAbsolute()
                ? path
                : file.toAbsolutePath().getParent().resolve(p).normalize().toString();
    }

    private static KubeconfigException incomplete(String contextName, String why, Path file) {
        return new KubeconfigException.Unreadable(
                "context " + contextName + " " + why + " (" + file + "); fix the kubeconfig and try again", file, null);
    }
}
