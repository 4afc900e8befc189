package dev.meridian.app.plane;

import dev.meridian.app.kubeconfig.Credential;
import dev.meridian.app.kubeconfig.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * A Kubernetes API server reached the way a kube context says (server, TLS settings, proxy,
 * bearer credential), over the JDK's {@link HttpsURLConnection}: it starts in milliseconds and
 * keeps the connection open between the few requests of a command. Only what {@link #carries}
 * accepts; the rest goes through fabric8.
 */
final class KubeApi {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    /** An answer of the server: its status and body. */
    record Reply(int status, byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code message} of a Kubernetes Status body, else the start of the body. */
        String message() {
            try {
                Object text = Json.object(body).get("message");
                if (text instanceof String s && !s.isBlank()) {
                    return s;
                }
            } catch (IllegalArgumentException notJson) {
                // fall through: say what the server sent
            }
            String raw = new String(body, StandardCharsets.UTF_8).strip();
            return raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
        }
    }

    /** The server could not be reached, or the exchange broke off. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String server;
    private final Credential credential;
    private final Proxy proxy;
    private final SSLContext tls;
    private final boolean insecure;
    /** Whether the context trusts its own CA (data or file) rather than the system's roots. */
    private final boolean ownCa;

    /**
     * @param server the context's server URL (a path prefix is kept)
     * @param env the environment, for {@code HTTPS_PROXY} and {@code NO_PROXY} when the context sets no proxy
     */
    KubeApi(String server, TlsSettings tls, String proxyUrl, Credential credential, Map<String, String> env) {
        if (!carries(tls, proxyUrl, credential)) {
            throw new IllegalArgumentException("not a context the light client carries");
        }
        LazyDefaultSocketFactory.install();
        this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
        this.credential = credential;
        URI uri = URI.create(this.server);
        this.proxy = Proxies.choose(uri, proxyUrl, env);
        this.insecure = tls.insecureSkipTlsVerify();
        this.ownCa = !insecure && (tls.caData().isPresent() || tls.caFile().isPresent());
        this.tls = "https".equals(uri.getScheme()) ? TlsContexts.forSettings(tls) : null;
    }

    /**
     * Whether this client carries a context: a token or token file (an exec plugin runs through
     * fabric8), no {@code tls-server-name}, and no proxy or an {@code http://} or {@code socks5://} one.
     */
    static boolean carries(TlsSettings tls, String proxyUrl, Credential credential) {
        boolean bearer = credential instanceof Credential.Token || credential instanceof Credential.TokenFile;
        return bearer && tls.serverName().isEmpty() && Proxies.supported(proxyUrl);
    }

    /** GETs {@code path} (from the server URL's path on, query included) as JSON. */
    Reply get(String path) {
        return exchange("GET", path);
    }

    private Reply exchange(String method, String path) {
        URL url;
        try {
            url = URI.create(server + path).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IllegalArgumentException("cannot make a URL of " + server + path, e);
        }
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) (proxy == null ? url.openConnection() : url.openConnection(proxy));
        } catch (IOException e) {
            throw unreachable(e);
        }
        HostCheck hostCheck = null;
        if (connection instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls.getSocketFactory());
            if (insecure) {
                https.setHostnameVerifier((host, session) -> true);
            } else if (ownCa) {
                hostCheck = new HostCheck();
                https.setHostnameVerifier(hostCheck);
            }
        }
        try {
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("User-Agent", "meridian");
            if (tls != null) {
                // As kubectl: a bearer token travels over TLS only, never in clear text.
                connection.setRequestProperty("Authorization", "Bearer " + token());
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] body;
            if (stream == null) {
                body = new byte[0];
            } else {
                // Read to the end and close: the connection goes back to the JDK's keep-alive cache for the next
                // request.
                try (InputStream in = stream) {
                    body = in.readAllBytes();
                }
            }
            return new Reply(status, body);
        } catch (IOException e) {
            connection.disconnect();
            if (hostCheck != null && hostCheck.refusal != null) {
                throw new Unreachable("TLS: " + hostCheck.refusal, e);
            }
            throw unreachable(e);
        }
    }

    /**
     * The host name check of a context with its own CA. With the JDK's default verifier the check runs
     * inside the handshake, and there it first loads and parses every root the system trusts, for a
     * wildcard rule about public CAs that a context's own CA never needs: measured, the longest step of
     * a cold CLI's first request. With a verifier of its own, the connection checks the host name right
     * after the handshake by the same rules (RFC 2818, as kubectl), before any request is sent, and asks
     * the verifier only when that check failed: the answer is then no, with the names the certificate has.
     */
    private static final class HostCheck implements HostnameVerifier {
        private volatile String refusal;

        @Override
        public boolean verify(String host, SSLSession session) {
            String names;
            try {
                names = ((X509Certificate) session.getPeerCertificates()[0])
                        .getSubjectAlternativeNames().stream()
                                .map(name -> String.valueOf(name.get(1)))
                                .collect(java.util.stream.Collectors.joining(", "));
            } catch (javax.net.ssl.SSLPeerUnverifiedException
                    | java.security.cert.CertificateParsingException
                    | ClassCastException
                    | NullPointerException e) {
                names = "";
            }
            refusal = names.isEmpty()
                    ? "the server's certificate names no host, not " + host
                    : "the server's certificate is valid for " + names + ", not for " + host;
            return false;
        }
    }

    private String token() {
        if (credential instanceof Credential.Token t) {
            return t.token();
        }
        Path file = Path.of(((Credential.TokenFile) credential).path());
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new Unreachable("the context's tokenFile " + file + " cannot be read (" + e + ")", e);
        }
    }

    private Unreachable unreachable(IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof javax.net.ssl.SSLException
                || e.getCause() instanceof java.security.cert.CertificateException) {
            why = "TLS: " + why;
        }
        return new Unreachable(why, e);
    }

    /** Where requests go through: the context's proxy-url, else the environment's, else straight. */
    static final class Proxies {
        private Proxies() {}

        static boolean supported(String proxyUrl) {
            if (proxyUrl == null) {
                return true;
            }
            String scheme = URI.create(proxyUrl).getScheme();
            return "http".equals(scheme) || "socks5".equals(scheme);
        }

        /** Null for a direct connection. */
        static Proxy choose(URI target, String proxyUrl, Map<String, String> env) {
            if (proxyUrl != null) {
                return proxy(URI.create(proxyUrl));
            }
            String variable = "https".equals(target.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
            String value = firstSet(env, variable, variable.toLowerCase(Locale.ROOT));
            if (value == null || isLoopback(target.getHost()) || excluded(target.getHost(), env)) {
                return null;
            }
            URI uri = URI.create(value.contains("://") ? value : "http://" + value);
            return "http".equals(uri.getScheme()) || "socks5".equals(uri.getScheme()) ? proxy(uri) : null;
        }

        private static Proxy proxy(URI uri) {
            Proxy.Type type = "socks5".equals(uri.getScheme()) ? Proxy.Type.SOCKS : Proxy.Type.HTTP;
            int port = uri.getPort() > 0 ? uri.getPort() : (type == Proxy.Type.SOCKS ? 1080 : 80);
            return new Proxy(type, InetSocketAddress.createUnresolved(Objects.requireNonNull(uri.getHost()), port));
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        }

        /** {@code NO_PROXY}: exact hosts, domain suffixes ({@code .example.com} or {@code example.com}), or {@code *}. */
        static boolean excluded(String host, Map<String, String> env) {
            String list = firstSet(env, "NO_PROXY", "no_proxy");
            if (list == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            for (String entry : list.split(",")) {
                String e = entry.strip().toLowerCase(Locale.ROOT);
                if (e.isEmpty()) {
                    continue;
                }
                if (e.equals("*")) {
                    return true;
                }
                int colon = e.lastIndexOf(':');
                if (colon > 0 && e.indexOf(':') == colon) {
                    e = e.substring(0, colon);
                }
                String domain = e.startsWith(".") ? e.substring(1) : e;
                if (h.equals(domain) || h.endsWith("." + domain)) {
                    return true;
                }
            }
            return false;
        }

        private static String firstSet(Map<String, String> env, String... names) {
            for (String name : names) {
                String value = env.get(name);
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
            return null;
        }
    }
}
