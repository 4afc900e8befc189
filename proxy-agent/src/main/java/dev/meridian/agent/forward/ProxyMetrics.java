package dev.meridian.agent.forward;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Request counts by status class, time to response head, requests in flight, review outcomes. */
public final class ProxyMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer headLatency;
    private final ConcurrentMap<String, Counter> responses = new ConcurrentHashMap<>();
    /** The same counters by status / 100, so a request costs no string building or map lookup. */
    private final AtomicReferenceArray<Counter> byClass = new AtomicReferenceArray<>(6);

    private final ConcurrentMap<String, Counter> reviews = new ConcurrentHashMap<>();

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("meridian_agent_requests_in_flight", inFlight);
        this.headLatency = Timer.builder("meridian_agent_upstream_head_latency")
                .description("time from request received to upstream response head")
                .register(registry);
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void completed(int status) {
        inFlight.decrementAndGet();
        int klass = status / 100;
        Counter counter = klass >= 0 && klass < byClass.length() ? byClass.get(klass) : null;
        if (counter == null) {
            counter = responses.computeIfAbsent(
                    klass + "xx",
                    k -> Counter.builder("meridian_agent_requests")
                            .tag("code", k)
                            .register(registry));
            if (klass >= 0 && klass < byClass.length()) {
                byClass.set(klass, counter);
            }
        }
        counter.increment();
    }

    public void upstreamHead(long nanos) {
        headLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void reviewed(String outcome) {
        reviews.computeIfAbsent(
                        outcome,
                        k -> Counter.builder("meridian_agent_token_reviews")
                                .tag("outcome", k)
                                .register(registry))
                .increment();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
