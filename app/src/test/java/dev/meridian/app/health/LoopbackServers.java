package dev.meridian.app.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Real servers on 127.0.0.1 for probe tests and the benchmark: any number of ports served by one
 * accepting thread, TLS connections handled by a pool of workers.
 */
final class LoopbackServers implements AutoCloseable {
    private static final char[] PASSWORD = "test".toCharArray();

    private sealed interface Behaviour {}

    private record Respond(SSLContext tls, int status, Duration delay) implements Behaviour {}

    private record NeverAnswer() implements Behaviour {}

    private record PlainHttp() implements Behaviour {}

    private final Selector selector;
    private final Thread acceptor;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server-worker");
        t.setDaemon(true);
        return t;
    });
    private final Queue<Runnable> registrations = new ConcurrentLinkedQueue<>();
    private final Queue<ServerSocketChannel> listeners = new ConcurrentLinkedQueue<>();
    private final Queue<SocketChannel> held = new ConcurrentLinkedQueue<>();
    private final Map<X509Certificate, SSLContext> contexts = new ConcurrentHashMap<>();
    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private volatile boolean closed;

    LoopbackServers() throws IOException {
        selector = Selector.open();
        acceptor = new Thread(this::acceptLoop, "loopback-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An HTTPS server presenting {@code identity}'s chain and answering every request with {@code status}. */
    int https(TestPki.Identity identity, int status) throws IOException {
        return https(identity, status, Duration.ZERO);
    }

    /** Like {@link #https(TestPki.Identity, int)}, holding each answer back by {@code delay}. */
    int https(TestPki.Identity identity, int status, Duration delay) throws IOException {
        return listen(
                new Respond(contexts.computeIfAbsent(identity.cert(), c -> serverContext(identity)), status, delay));
    }

    /** A port that accepts connections and never sends a byte. */
    int neverAnswering() throws IOException {
        return listen(new NeverAnswer());
    }

    /** A port that speaks plain HTTP, not TLS. */
    int plainHttp() throws IOException {
        return listen(new PlainHttp());
    }

    /** A port nobody listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Request heads received ("GET /healthz HTTP/1.1 | Host: ..."). */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The most requests that were ever held back at the same time by delayed servers. */
    int maxConcurrentlyWaiting() {
        return maxWaiting.get();
    }

    private int listen(Behaviour behaviour) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        channel.configureBlocking(false);
        listeners.add(channel);
        registrations.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_ACCEPT, behaviour);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        selector.wakeup();
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                selector.select();
                for (Runnable r = registrations.poll(); r != null; r = registrations.poll()) {
                    r.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    accept((ServerSocketChannel) key.channel(), (Behaviour) key.attachment());
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                throw new IllegalStateException("loopback server stopped", e);
            }
        }
    }

    private void accept(ServerSocketChannel server, Behaviour behaviour) throws IOException {
        for (SocketChannel client = server.accept(); client != null; client = server.accept()) {
            SocketChannel accepted = client;
            if (behaviour instanceof NeverAnswer) {
                held.add(accepted);
            } else {
                workers.execute(() -> serve(accepted, behaviour));
            }
        }
    }

    private void serve(SocketChannel channel, Behaviour behaviour) {
        try (Socket socket = channel.socket()) {
            channel.configureBlocking(true);
            socket.setTcpNoDelay(true);
            if (behaviour instanceof Respond respond) {
                SSLSocket ssl = (SSLSocket) respond.tls().getSocketFactory().createSocket(socket, null, true);
                ssl.setUseClientMode(false);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                ssl.setSSLParameters(parameters);
                answer(ssl.getInputStream(), ssl.getOutputStream(), respond.status(), respond.delay());
                ssl.close();
            } else {
                // Like a plain HTTP server that gets a ClientHello: it answers 400 at once.
                socket.getOutputStream()
                        .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up (probe timeout, failed verification): nothing to serve
        }
    }

    private void answer(InputStream in, OutputStream out, int status, Duration delay)
            throws IOException, InterruptedException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return; // the client closed without a request (it refused the certificate)
        }
        requests.add(head);
        if (!delay.isZero()) {
            int now = waiting.incrementAndGet();
            maxWaiting.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(delay.toMillis()); // the slowness under test, not a wait for a result
            } finally {
                waiting.decrementAndGet();
            }
        }
        String body = status == 200 ? "ok" : "unhealthy";
        out.write(("HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Service Unavailable") + "\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n"
                        + "Cache-Control: no-cache, private\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 16 * 1024) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII).strip().replace("\r\n", " | ");
    }

    private static SSLContext serverContext(TestPki.Identity identity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "server",
                    identity.keys().getPrivate(),
                    PASSWORD,
                    identity.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build server TLS context", e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        workers.shutdownNow();
        for (ServerSocketChannel listener : listeners) {
            listener.close();
        }
        for (SocketChannel channel : held) {
            channel.close();
        }
        selector.close();
    }
}
