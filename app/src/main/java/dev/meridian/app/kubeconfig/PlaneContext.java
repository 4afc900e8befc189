package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A management plane's context that Meridian owns under a fixed name outside its {@code meridian_} prefix, such as
 * the sandbox's {@code meridian-sandbox}: its cluster, user and context entries all carry {@link #name()}.
 *
 * @param name the context's name
 * @param server the management API server URL
 * @param tls how the server's certificate is checked
 * @param credential the bearer credential
 */
public record PlaneContext(String name, String server, TlsSettings tls, Credential credential) {
    public PlaneContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(credential, "credential");
        if (ContextNames.isMeridian(name)) {
            throw new IllegalArgumentException("a plane context is not one of Meridian's cluster contexts: " + name);
        }
    }

    /** The plane context a management context's access stands for, under another name. */
    public static PlaneContext of(String name, ManagementAccess access) {
        return new PlaneContext(name, access.server(), access.tls(), access.credential());
    }

    /**
     * What {@link KubeconfigService#putPlaneContext} did.
     *
     * @param filesWritten the files changed (empty when the entries already held this content)
     * @param replacedServer the server an entry of that name pointed at before, when it was another one
     * @param madeCurrent whether it became the current context (there was none)
     */
    public record Written(List<Path> filesWritten, Optional<String> replacedServer, boolean madeCurrent) {
        public Written {
            filesWritten = List.copyOf(filesWritten);
        }
    }
}
