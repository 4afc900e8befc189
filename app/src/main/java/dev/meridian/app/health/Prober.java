package dev.meridian.app.health;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes {@code GET /healthz} endpoints with the TLS settings of their kube contexts.
 *
 * <p>Threads: {@link #submit} and {@link #probeAll} run at most {@link ProbeSettings#maxConcurrency()}
 * probes at once (never more than 64 threads); name lookups run on at most 4 more threads so that the
 * probe timeout also bounds a resolver that hangs (IP literals skip them); one timer thread enforces
 * deadlines. All threads are daemons, created on demand and let go when idle. Thread-safe.
 */
public final class Prober implements AutoCloseable {
    static final int DNS_THREADS = 4;

    private final ProbeEngine engine;
    private final ThreadPoolExecutor probes;
    private final ThreadPoolExecutor dnsPool;
    private final ScheduledThreadPoolExecutor timer;

    public Prober(ProbeSettings settings, Resolver resolver, Clock clock) {
        this.probes = pool(settings.maxConcurrency(), "meridian-probe-");
        this.dnsPool = pool(DNS_THREADS, "meridian-probe-dns-");
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("meridian-probe-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        CertificateCache certificates = new CertificateCache();
        this.engine = new ProbeEngine(
                settings,
                resolver,
                clock,
                new ChainVerifier(new TrustAnchors(), certificates),
                certificates,
                dnsPool,
                timer);
    }

    public static Prober create() {
        return create(ProbeSettings.defaults());
    }

    public static Prober create(ProbeSettings settings) {
        return new Prober(settings, Resolver.system(), Clock.systemUTC());
    }

    public ProbeSettings settings() {
        return engine.settings();
    }

    /** Probes on the calling thread; never throws for network outcomes, they are in the verdict. */
    public ProbeResult probe(ProbeTarget target) {
        return new ProbeRun(target, engine, false).run().result();
    }

    /** Probes on the prober's bounded pool. */
    public CompletableFuture<ProbeResult> submit(ProbeTarget target) {
        return CompletableFuture.supplyAsync(() -> probe(target), probes);
    }

    /**
     * Probes every target, at most {@code maxConcurrency} at once, and waits for all of them.
     *
     * @return the results in the iteration order of {@code targets}
     */
    public Map<String, ProbeResult> probeAll(Map<String, ProbeTarget> targets) {
        Map<String, CompletableFuture<ProbeResult>> running = new LinkedHashMap<>();
        targets.forEach((key, target) -> running.put(key, submit(target)));
        Map<String, ProbeResult> results = new LinkedHashMap<>();
        running.forEach((key, future) -> results.put(key, future.join()));
        return Collections.unmodifiableMap(results);
    }

    /**
     * Fetches the chain an endpoint presents without trusting it (the target's TLS mode is ignored)
     * and picks the CA to pin. Nothing is sent beyond the TLS handshake. Runs on the calling thread.
     */
    public CaFetch fetchPresentedCa(ProbeTarget target) {
        ProbeRun.Outcome outcome = new ProbeRun(target.withTls(TlsMode.insecure()), engine, true).run();
        if (outcome.result().verdict() instanceof Verdict.Down down) {
            return new CaFetch.Failed(down.cause());
        }
        List<X509Certificate> chain = outcome.chain();
        String address = target.host() + ":" + target.port();
        if (chain.isEmpty()) {
            return new CaFetch.Failed(new DownCause.TlsFailure(
                    TlsProblem.HANDSHAKE_FAILED, "the server presented no certificate", address));
        }
        X509Certificate ca =
                chain.stream().filter(CertificateInfo::isSelfSigned).findFirst().orElse(chain.get(chain.size() - 1));
        CertificateInfo caInfo = engine.certificates().info(ca);
        TlsMode pinned = TlsMode.caData(caInfo.pem());
        Optional<ChainVerifier.Finding> problem = engine.verifier()
                .verify(
                        chain,
                        outcome.authType(),
                        pinned,
                        target.verifiedName(),
                        engine.clock().instant());
        TlsInfo tls = outcome.result().tls();
        return new CaFetch.Presented(new PresentedCa(
                target.withTls(pinned),
                caInfo,
                tls.chain(),
                tls,
                problem.map(f -> new DownCause.TlsFailure(f.problem(), f.detail(), address))
                        .orElse(null)));
    }

    /** Stops the pools; probes in flight end with their socket closed. */
    @Override
    public void close() {
        probes.shutdownNow();
        dnsPool.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadPoolExecutor pool(int threads, String prefix) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
