package dev.meridian.installer.manifest;

import java.util.regex.Pattern;

/**
 * Everything that decides what the installer puts into a connected cluster. Validated on
 * construction: an instance always renders to objects the API server accepts.
 *
 * @param clusterName the Cluster object's name in the management plane (recorded on the objects)
 * @param host the DNS name (or, without an Ingress, IP address) clients use, without scheme,
 *     port or path
 * @param namespace where the agent runs; default {@code vcluster-pro}
 * @param exposure how the agent is reached; default {@link Exposure#INGRESS}
 * @param ingressClass the Ingress's {@code ingressClassName}; default {@code nginx}
 * @param tlsSecret the Secret holding the Ingress's certificate; default {@code loft-agent-tls}
 * @param clusterIssuer cert-manager ClusterIssuer that fills {@code tlsSecret}; null for none
 * @param image the agent image; default {@code meridian/agent:<this version>}
 * @param replicas agent pods; default 2
 * @param authority where tokens are reviewed; default {@link Authority#local()}
 * @param mode {@link Mode#AGENT} (default): one connected cluster's direct endpoint;
 *     {@link Mode#GATEWAY}: the central gateway in the management plane, routing to every
 *     registered cluster (same objects and exposure, its own RBAC, namespace {@code meridian-system})
 */
public record InstallSpec(
        String clusterName,
        String host,
        String namespace,
        Exposure exposure,
        String ingressClass,
        String tlsSecret,
        String clusterIssuer,
        String image,
        int replicas,
        Authority authority,
        Mode mode) {

    /** What the deployed engine does; see {@code meridian-agent --mode}. */
    public enum Mode {
        AGENT,
        GATEWAY;

        /** The value of the agent's {@code --mode} flag. */
        public String flag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the central gateway runs in the management plane unless told otherwise. */
    public static final String DEFAULT_GATEWAY_NAMESPACE = "meridian-system";
    /** The name the gateway's objects record in place of a connected cluster's. */
    public static final String GATEWAY_CLUSTER_NAME = "central-gateway";

    public static final String DEFAULT_NAMESPACE = "vcluster-pro";
    public static final String DEFAULT_INGRESS_CLASS = "nginx";
    public static final String DEFAULT_TLS_SECRET = "loft-agent-tls";
    public static final int DEFAULT_REPLICAS = 2;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IMAGE = Pattern.compile("[^\\s]+");

    public InstallSpec {
        mode = mode == null ? Mode.AGENT : mode;
        clusterName = clusterName == null && mode == Mode.GATEWAY ? GATEWAY_CLUSTER_NAME : clusterName;
        requireMatch("cluster name", clusterName, DNS_SUBDOMAIN, "must be a DNS subdomain (RFC 1123)");
        namespace =
                namespace == null ? (mode == Mode.GATEWAY ? DEFAULT_GATEWAY_NAMESPACE : DEFAULT_NAMESPACE) : namespace;
        requireMatch("namespace", namespace, DNS_LABEL, "must be a DNS label (RFC 1123), at most 63 characters");
        exposure = exposure == null ? Exposure.INGRESS : exposure;
        validateHost(host, exposure);
        ingressClass = ingressClass == null ? DEFAULT_INGRESS_CLASS : ingressClass;
        requireMatch("ingress class", ingressClass, DNS_SUBDOMAIN, "must be a DNS subdomain (RFC 1123)");
        tlsSecret = tlsSecret == null ? DEFAULT_TLS_SECRET : tlsSecret;
        requireMatch("TLS secret", tlsSecret, DNS_SUBDOMAIN, "must be a DNS subdomain (RFC 1123)");
        if (clusterIssuer != null) {
            requireMatch("cluster issuer", clusterIssuer, DNS_SUBDOMAIN, "must be a DNS subdomain (RFC 1123)");
        }
        image = image == null ? AgentVersion.defaultImage() : image;
        requireMatch("image", image, IMAGE, "must be a non-empty image reference without spaces");
        if (replicas < 1) {
            throw new InvalidSpecException("replicas", String.valueOf(replicas), "must be at least 1");
        }
        authority = authority == null ? Authority.local() : authority;
        if (mode == Mode.GATEWAY && !(authority instanceof Authority.Local)) {
            throw new InvalidSpecException(
                    "authority",
                    String.valueOf(authority),
                    "the gateway reviews tokens with the management plane it runs in; it takes no other authority");
        }
    }

    /** Starts a spec with every default; {@code clusterName} and {@code host} are required. */
    public static Builder builder(String clusterName, String host) {
        return new Builder(clusterName, host);
    }

    /** Starts a spec for the central gateway served at {@code host}; other options as for the agent. */
    public static Builder gatewayBuilder(String host) {
        return new Builder(null, host).mode(Mode.GATEWAY);
    }

    public boolean isGateway() {
        return mode == Mode.GATEWAY;
    }

    /** True when a cert-manager ClusterIssuer should fill the TLS secret. */
    public boolean hasClusterIssuer() {
        return clusterIssuer != null;
    }

    /** Same spec with another image (used by upgrades). */
    public InstallSpec withImage(String newImage) {
        return new InstallSpec(
                clusterName,
                host,
                namespace,
                exposure,
                ingressClass,
                tlsSecret,
                clusterIssuer,
                newImage,
                replicas,
                authority,
                mode);
    }

    private static void validateHost(String host, Exposure exposure) {
        if (host == null || host.isBlank()) {
            throw new InvalidSpecException("host", String.valueOf(host), "is required");
        }
        if (host.contains("://") || host.contains("/") || host.contains(":")) {
            throw new InvalidSpecException(
                    "host", host, "give only the host name, without scheme, port or path (e.g. agent.example.com)");
        }
        boolean ip = IPV4.matcher(host).matches();
        if (ip && exposure == Exposure.INGRESS) {
            throw new InvalidSpecException("host", host, "an Ingress host must be a DNS name, not an IP address");
        }
        if (!ip && !DNS_SUBDOMAIN.matcher(host).matches()) {
            throw new InvalidSpecException("host", host, "must be a lower-case DNS name (RFC 1123)");
        }
    }

    private static void requireMatch(String field, String value, Pattern pattern, String problem) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidSpecException(field, String.valueOf(value), problem);
        }
    }

    /** Fluent construction with defaults; {@link #build()} validates. */
    public static final class Builder {
        private final String clusterName;
        private final String host;
        private String namespace;
        private Exposure exposure;
        private String ingressClass;
        private String tlsSecret;
        private String clusterIssuer;
        private String image;
        private int replicas = DEFAULT_REPLICAS;
        private Authority authority;
        private Mode mode;

        private Builder(String clusterName, String host) {
            this.clusterName = clusterName;
            this.host = host;
        }

        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        public Builder exposure(Exposure value) {
            this.exposure = value;
            return this;
        }

        public Builder ingressClass(String value) {
            this.ingressClass = value;
            return this;
        }

        public Builder tlsSecret(String value) {
            this.tlsSecret = value;
            return this;
        }
        /** Null (the default) means no cert-manager annotation. */
        public Builder clusterIssuer(String value) {
            this.clusterIssuer = value;
            return this;
        }

        public Builder image(String value) {
            this.image = value;
            return this;
        }

        public Builder replicas(int value) {
            this.replicas = value;
            return this;
        }

        public Builder authority(Authority value) {
            this.authority = value;
            return this;
        }

        public Builder mode(Mode value) {
            this.mode = value;
            return this;
        }

        public InstallSpec build() {
            return new InstallSpec(
                    clusterName,
                    host,
                    namespace,
                    exposure,
                    ingressClass,
                    tlsSecret,
                    clusterIssuer,
                    image,
                    replicas,
                    authority,
                    mode);
        }
    }
}
