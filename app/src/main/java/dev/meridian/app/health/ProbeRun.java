package dev.meridian.app.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One probe, phase by phase, on the calling thread. The whole probe shares one deadline: DNS waits
 * for the resolver with it, connect uses it as its timeout, and an alarm closes the socket when it
 * passes so that a stalled handshake or read ends on time.
 */
final class ProbeRun {
    private static final long UNSET = -1;

    /** The probe's result plus the raw chain, which trust on first use needs. */
    record Outcome(ProbeResult result, List<X509Certificate> chain, String authType) {}

    private final ProbeTarget target;
    private final ProbeEngine engine;
    private final boolean handshakeOnly;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final String address;

    private volatile ProbePhase phase = ProbePhase.DNS;
    private long start;
    private long dnsEnd = UNSET;
    private long connectEnd = UNSET;
    private long tlsEnd = UNSET;
    private volatile long firstByteAt = UNSET;
    private String remote;
    private TlsInfo tls;
    private String httpVersion;
    private int status;
    private CapturingTrustManager capture;

    ProbeRun(ProbeTarget target, ProbeEngine engine, boolean handshakeOnly) {
        this.target = target;
        this.engine = engine;
        this.handshakeOnly = handshakeOnly;
        this.address = target.host() + ":" + target.port();
    }

    Outcome run() {
        TlsWarmUp.ensure();
        Instant startedAt = engine.clock().instant();
        start = System.nanoTime();
        Verdict verdict = execute(start + engine.settings().timeout().toNanos());
        long end = System.nanoTime();
        ProbeTimings timings = new ProbeTimings(
                between(start, dnsEnd),
                between(dnsEnd, connectEnd),
                between(connectEnd, tlsEnd),
                between(tlsEnd, firstByteAt),
                Duration.ofNanos(end - start));
        if (verdict.isUp() && !handshakeOnly) {
            verdict = Degradation.judge(
                    timings.total(),
                    tls,
                    target.tls(),
                    engine.settings(),
                    engine.clock().instant());
        }
        ProbeResult result = new ProbeResult(target, startedAt, verdict, timings, remote, tls, httpVersion, status);
        List<X509Certificate> chain = capture == null ? List.of() : capture.chain();
        return new Outcome(result, chain, capture == null ? null : capture.authType());
    }

    private Verdict execute(long deadline) {
        InetAddress[] addresses;
        try {
            addresses = resolve(deadline);
        } catch (UnknownHostException e) {
            return down(
                    new DownCause.DnsFailure(target.host(), e.getMessage() == null ? "unknown host" : e.getMessage()));
        } catch (TimeoutException e) {
            return timeout();
        }
        dnsEnd = HostnameMatcher.isIpLiteral(target.host()) ? start : System.nanoTime();
        phase = ProbePhase.CONNECT;
        Socket socket;
        try {
            socket = connect(addresses, deadline);
        } catch (SocketTimeoutException e) {
            return timeout();
        } catch (IOException e) {
            boolean refused = e instanceof ConnectException
                    && (e.getMessage() == null
                            || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"));
            return down(
                    refused
                            ? new DownCause.ConnectionRefused(address)
                            : new DownCause.ConnectionFailed(phase, describe(e), address));
        }
        connectEnd = System.nanoTime();
        ScheduledFuture<?> alarm = engine.timer()
                .schedule(
                        () -> {
                            timedOut.set(true);
                            closeQuietly(socket);
                        },
                        remaining(deadline),
                        TimeUnit.NANOSECONDS);
        try {
            return overConnection(socket, deadline);
        } catch (IOException e) {
            if (timedOut.get() || e instanceof SocketTimeoutException) {
                return timeout();
            }
            if (phase == ProbePhase.TLS_HANDSHAKE) {
                return down(new DownCause.TlsFailure(TlsProblem.HANDSHAKE_FAILED, describe(e), address));
            }
            return down(new DownCause.ConnectionFailed(phase, describe(e), address));
        } finally {
            alarm.cancel(false);
            closeQuietly(socket);
        }
    }

    private Verdict overConnection(Socket socket, long deadline) throws IOException {
        socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
        phase = ProbePhase.TLS_HANDSHAKE;
        SSLSocket ssl = handshake(socket);
        tlsEnd = System.nanoTime();
        if (handshakeOnly) {
            return new Verdict.Up();
        }
        Optional<ChainVerifier.Finding> finding = engine.verifier()
                .verify(
                        capture.chain(),
                        capture.authType(),
                        target.tls(),
                        target.verifiedName(),
                        engine.clock().instant());
        if (finding.isPresent()) {
            return down(new DownCause.TlsFailure(
                    finding.get().problem(), finding.get().detail(), address));
        }
        phase = ProbePhase.FIRST_BYTE;
        Http1Exchange.Response response = Http1Exchange.get(ssl.getInputStream(), ssl.getOutputStream(), target, () -> {
            firstByteAt = System.nanoTime();
            phase = ProbePhase.BODY;
        });
        httpVersion = response.version();
        status = response.status();
        if (status != 200) {
            return down(new DownCause.HttpStatus(status, response.reason(), address));
        }
        return new Verdict.Up();
    }

    private SSLSocket handshake(Socket socket) throws IOException {
        capture = new CapturingTrustManager();
        SSLSocket ssl;
        try {
            // A context per probe: no session resumption between probes, so every probe times a full handshake.
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, null);
            String sniHost = target.serverName() != null ? target.serverName() : target.host();
            ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, sniHost, target.port(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS client", e);
        }
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"http/1.1"});
        if (target.serverName() != null && !HostnameMatcher.isIpLiteral(target.serverName())) {
            parameters.setServerNames(List.of(new SNIHostName(target.serverName())));
        }
        ssl.setSSLParameters(parameters);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            tls = tlsInfo(ssl, false);
            throw e;
        }
        tls = tlsInfo(ssl, true);
        return ssl;
    }

    private TlsInfo tlsInfo(SSLSocket ssl, boolean completed) {
        List<CertificateInfo> chain = new ArrayList<>();
        for (X509Certificate cert : capture.chain()) {
            chain.add(engine.certificates().info(cert));
        }
        if (!completed) {
            // Asking a failed socket for its session would try to handshake again.
            return new TlsInfo("", "", "", chain);
        }
        SSLSession session = ssl.getSession();
        String alpn = ssl.getApplicationProtocol();
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn, chain);
    }

    private InetAddress[] resolve(long deadline) throws UnknownHostException, TimeoutException {
        String host = target.host();
        if (HostnameMatcher.isIpLiteral(host)) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        Future<InetAddress[]> lookup =
                engine.dnsPool().submit(() -> engine.resolver().resolve(host));
        try {
            InetAddress[] found = lookup.get(remaining(deadline), TimeUnit.NANOSECONDS);
            if (found == null || found.length == 0) {
                throw new UnknownHostException(host + ": no addresses");
            }
            return found;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lookup.cancel(true);
            throw new TimeoutException("interrupted");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw e;
        }
    }

    private Socket connect(InetAddress[] addresses, long deadline) throws IOException {
        IOException last = null;
        for (InetAddress candidate : addresses) {
            long left = remaining(deadline);
            if (left <= 0) {
                break;
            }
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(candidate, target.port()), (int)
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                remote = candidate.getHostAddress() + ":" + target.port();
                return socket;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                throw e;
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        throw last != null ? last : new SocketTimeoutException("no time left to connect");
    }

    private Verdict timeout() {
        return down(new DownCause.Timeout(phase, engine.settings().timeout(), address));
    }

    private static Verdict down(DownCause cause) {
        return new Verdict.Down(cause);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static Duration between(long from, long to) {
        return from == UNSET || to == UNSET ? null : Duration.ofNanos(to - from);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort; the probe outcome is already decided
        }
    }
}
