package dev.meridian.app.health;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** What every probe run shares: settings and the prober's I/O parts. */
record ProbeEngine(
        ProbeSettings settings,
        Resolver resolver,
        Clock clock,
        ChainVerifier verifier,
        CertificateCache certificates,
        ExecutorService dnsPool,
        ScheduledExecutorService timer) {}
