package dev.meridian.app.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.meridian.agent.tls.CertificateAuthority;
import dev.meridian.agent.tls.GeneratedTls;
import dev.meridian.app.core.MeridianException;
import dev.meridian.app.kubeconfig.Credential;
import dev.meridian.app.kubeconfig.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The light client checks TLS as kubectl does and sends the context's bearer credential, nothing else. */
class KubeApiTest {
    private static final CertificateAuthority CA = CertificateAuthority.create("CN=Plane CA", Duration.ofDays(1));
    private static final CertificateAuthority OTHER_CA = CertificateAuthority.create("CN=Other CA", Duration.ofDays(1));

    @TempDir
    Path dir;

    private HttpsServer server;
    private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An HTTPS server on 127.0.0.1 presenting a certificate for {@code names}, answering {@code {"ok":true}}. */
    private String serve(CertificateAuthority ca, List<String> names) throws Exception {
        GeneratedTls tls = ca.issue(names, Duration.ofHours(1));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", privateKey(tls.privateKeyPem()), new char[0], chain(tls.certificateChainPem()));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/prefix";
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trustsTheContextsCaAndSendsItsToken() throws Exception {
        String url = serve(CA, List.of("127.0.0.1"));
        KubeApi api = new KubeApi(
                url,
                TlsSettings.caData(base64(CA.certificatePem())),
                null,
                new Credential.Token("secret-token"),
                Map.of());

        KubeApi.Reply reply = api.get("/api");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.object(reply.body())).containsEntry("ok", true);
        assertThat(authorizations).containsExactly("Bearer secret-token");
    }

    @Test
    void readsTheCaFileAndTheTokenFileOfTheContext() throws Exception {
        String url = serve(CA, List.of("127.0.0.1"));
        Path caFile = Files.writeString(dir.resolve("ca.crt"), CA.certificatePem());
        Path tokenFile = Files.writeString(dir.resolve("token"), "from-file\n");
        KubeApi api = new KubeApi(
                url,
                new TlsSettings(null, caFile.toString(), false, null),
                null,
                new Credential.TokenFile(tokenFile.toString()),
                Map.of());

        assertThat(api.get("/api").status()).isEqualTo(200);
        Files.writeString(tokenFile, "rotated");
        assertThat(api.get("/api").status()).isEqualTo(200);
        assertThat(authorizations).containsExactly("Bearer from-file", "Bearer rotated");
    }

    @Test
    void refusesACertificateFromAnotherCa() throws Exception {
        String url = serve(OTHER_CA, List.of("127.0.0.1"));
        KubeApi api = new KubeApi(
                url,
                TlsSettings.caData(base64(CA.certificatePem())),
                null,
                new Credential.Token("secret-token"),
                Map.of());

        assertThatThrownBy(() -> api.get("/api"))
                .isInstanceOf(KubeApi.Unreachable.class)
                .hasMessageStartingWith("TLS: ");
        assertThat(authorizations)
                .as("no request, so no token, reached the server")
                .isEmpty();
    }

    @Test
    void refusesACertificateForAnotherHostUnlessTheContextSkipsVerification() throws Exception {
        String url = serve(CA, List.of("other.example.com"));
        KubeApi verifying = new KubeApi(
                url,
                TlsSettings.caData(base64(CA.certificatePem())),
                null,
                new Credential.Token("secret-token"),
                Map.of());

        assertThatThrownBy(() -> verifying.get("/api"))
                .isInstanceOf(KubeApi.Unreachable.class)
                .hasMessageContaining("TLS: the server's certificate is valid for other.example.com, not for ");
        assertThat(authorizations).isEmpty();

        KubeApi skipping =
                new KubeApi(url, TlsSettings.insecure(), null, new Credential.Token("secret-token"), Map.of());
        assertThat(skipping.get("/api").status()).isEqualTo(200);
    }

    @Test
    void sendsNoTokenOverPlainHttpAsKubectlDoes() throws Exception {
        com.sun.net.httpserver.HttpServer plain =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        plain.start();
        try {
            KubeApi api = new KubeApi(
                    "http://127.0.0.1:" + plain.getAddress().getPort(),
                    TlsSettings.systemTrust(),
                    null,
                    new Credential.Token("secret-token"),
                    Map.of());

            assertThat(api.get("/api").status()).isEqualTo(200);
            assertThat(authorizations).containsExactly("null");
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void anUnusableCaIsAnErrorAboutTheKubeconfig() {
        assertThatThrownBy(() -> new KubeApi(
                        "https://127.0.0.1:1",
                        TlsSettings.caData(base64("not a certificate")),
                        null,
                        new Credential.Token("t"),
                        Map.of()))
                .isInstanceOf(MeridianException.InvalidInput.class)
                .hasMessageContaining("certificate-authority-data is unusable: it is not a PEM certificate");
        assertThatThrownBy(() -> new KubeApi(
                        "https://127.0.0.1:1",
                        new TlsSettings(null, dir.resolve("missing.crt").toString(), false, null),
                        null,
                        new Credential.Token("t"),
                        Map.of()))
                .isInstanceOf(MeridianException.InvalidInput.class)
                .hasMessageContaining("the file cannot be read");
    }

    @Test
    void choosesTheProxyAsKubectlDoes() {
        URI remote = URI.create("https://plane.example.com:6443");
        assertThat(KubeApi.Proxies.choose(remote, null, Map.of())).isNull();
        Proxy fromContext =
                KubeApi.Proxies.choose(remote, "http://proxy.corp:3128", Map.of("HTTPS_PROXY", "http://x:1"));
        assertThat(fromContext.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(((InetSocketAddress) fromContext.address()).getHostString()).isEqualTo("proxy.corp");
        assertThat(((InetSocketAddress) fromContext.address()).getPort()).isEqualTo(3128);
        assertThat(KubeApi.Proxies.choose(remote, "socks5://socks.corp", Map.of())
                        .type())
                .isEqualTo(Proxy.Type.SOCKS);

        Map<String, String> env = Map.of("https_proxy", "proxy.corp:3128", "NO_PROXY", "internal.example.com,.corp");
        assertThat(KubeApi.Proxies.choose(remote, null, env)).isNotNull();
        assertThat(KubeApi.Proxies.choose(URI.create("https://api.internal.example.com"), null, env))
                .isNull();
        assertThat(KubeApi.Proxies.choose(URI.create("https://x.corp"), null, env))
                .isNull();
        assertThat(KubeApi.Proxies.choose(URI.create("https://127.0.0.1:6443"), null, env))
                .isNull();
        assertThat(KubeApi.Proxies.choose(URI.create("https://localhost:6443"), null, env))
                .isNull();
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return object instanceof PEMKeyPair pair
                    ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) object);
        }
    }

    private static Certificate[] chain(String pem) throws Exception {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .toArray(Certificate[]::new);
    }
}
