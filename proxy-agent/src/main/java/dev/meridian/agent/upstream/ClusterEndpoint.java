package dev.meridian.agent.upstream;

import dev.meridian.agent.config.ClusterSource;
import dev.meridian.agent.core.AgentException;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * What it takes to reach one API server, resolved from a {@link ClusterSource}: its URL, the
 * CA that signs its certificate (PEM; null means the JVM's trust store), an optional client
 * certificate, and either a fixed token or a token file that is re-read.
 */
public record ClusterEndpoint(
        URI server, String caPem, String clientCertPem, String clientKeyPem, String token, Path tokenFile) {

    static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    public static ClusterEndpoint resolve(ClusterSource source) {
        if (source instanceof ClusterSource.InCluster) {
            return inCluster(
                    System.getenv("KUBERNETES_SERVICE_HOST"),
                    System.getenv("KUBERNETES_SERVICE_PORT"),
                    SERVICE_ACCOUNT_DIR);
        }
        if (source instanceof ClusterSource.Kubeconfig k) {
            return fromConfig(loadKubeconfig(k));
        }
        return fromConfig(((ClusterSource.Fabric8) source).config());
    }

    static ClusterEndpoint inCluster(String host, String port, Path saDir) {
        if (host == null || host.isBlank()) {
            throw new AgentException("not running in a cluster (KUBERNETES_SERVICE_HOST is unset): pass --kubeconfig");
        }
        String h = host.contains(":") ? "[" + host + "]" : host;
        URI server = URI.create("https://" + h + ":" + (port == null || port.isBlank() ? "443" : port));
        return new ClusterEndpoint(server, readFile(saDir.resolve("ca.crt")), null, null, null, saDir.resolve("token"));
    }

    static ClusterEndpoint fromConfig(Config config) {
        if (config.isTrustCerts() || Boolean.TRUE.equals(config.getDisableHostnameVerification())) {
            throw new AgentException(
                    "the cluster configuration for " + config.getMasterUrl()
                            + " skips TLS verification; the agent always verifies its upstream: give it the cluster's CA instead");
        }
        String master = config.getMasterUrl();
        if (master == null || master.isBlank()) {
            throw new AgentException("the cluster configuration has no server URL");
        }
        URI server = URI.create(master.endsWith("/") ? master.substring(0, master.length() - 1) : master);
        return new ClusterEndpoint(
                server,
                pem(config.getCaCertData(), config.getCaCertFile()),
                pem(config.getClientCertData(), config.getClientCertFile()),
                pem(config.getClientKeyData(), config.getClientKeyFile()),
                bearerToken(config),
                null);
    }

    // fabric8 deprecates the text form for removal; the file form would skip the error handling here.
    @SuppressWarnings("removal")
    private static Config loadKubeconfig(ClusterSource.Kubeconfig k) {
        try {
            String text = Files.readString(k.path());
            return Config.fromKubeconfig(
                    k.context(), text, k.path().toAbsolutePath().toString());
        } catch (IOException e) {
            throw new AgentException("cannot read kubeconfig " + k.path() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AgentException("cannot use kubeconfig " + k.path() + ": " + e.getMessage(), e);
        }
    }

    private static String pem(String base64Data, String file) {
        if (base64Data != null && !base64Data.isBlank()) {
            return new String(Base64.getMimeDecoder().decode(base64Data.trim()), StandardCharsets.UTF_8);
        }
        return file == null || file.isBlank() ? null : readFile(Path.of(file));
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AgentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * fabric8 keeps a token given in code as the OAuth token, but one read from a kubeconfig
     * user's {@code token} as the "auto" OAuth token; either is the agent's credential upstream.
     */
    private static String bearerToken(Config config) {
        String explicit = blankToNull(config.getOauthToken());
        return explicit != null ? explicit : blankToNull(config.getAutoOAuthToken());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(server.getScheme());
    }

    public int port() {
        return server.getPort() > 0 ? server.getPort() : isHttps() ? 443 : 80;
    }
}
