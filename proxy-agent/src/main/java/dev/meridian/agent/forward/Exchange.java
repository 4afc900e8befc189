package dev.meridian.agent.forward;

import dev.meridian.agent.audit.AuditEvent;
import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.audit.RequestInfo;
import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.http.ClientRequest;
import dev.meridian.agent.http.ClientResponse;
import dev.meridian.agent.http.UriRedaction;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

/** One audited request: collects who and what, and emits exactly one audit event when it ends. */
final class Exchange {
    final ClientRequest request;
    final long startNanos = System.nanoTime();
    private final Instant received = Instant.now();
    private final AuditSink audit;
    private final ProxyMetrics metrics;
    private final TrustedForwarders forwarders;
    private String clientKey;
    private String client;
    private Boolean fromForwarder;
    /**
     * Read as the request starts, while its headers are at hand: looked up when the answer ends,
     * a round trip later, it showed in profiles as much as building the audit event did.
     */
    private final String userAgent;

    private String apiPath;
    private UserInfo user;
    private UserInfo impersonated;
    private String loggableUri;
    private boolean completed;
    /** Given back when the exchange completes: the upstream slot this request holds, if any. */
    private Runnable onComplete;

    Exchange(ClientRequest request, AuditSink audit, ProxyMetrics metrics, TrustedForwarders forwarders) {
        this.request = request;
        this.audit = audit;
        this.metrics = metrics;
        this.forwarders = forwarders;
        this.userAgent = request.header(HttpHeaderNames.USER_AGENT);
        metrics.started();
    }

    void apiPath(String path) {
        this.apiPath = path;
    }

    void user(UserInfo user) {
        this.user = user;
    }

    /** A trusted front proxy's request is forwarded as {@code target}; the audit names both. */
    void impersonate(UserInfo target) {
        this.impersonated = target;
    }

    /** The identity the request is forwarded as. */
    UserInfo user() {
        return impersonated != null ? impersonated : user;
    }

    /**
     * The request target for logs and the audit: credential-like query values redacted
     * ({@link UriRedaction}), so a token in the query never reaches a log line.
     */
    String loggableUri() {
        if (loggableUri == null) {
            loggableUri = request.query() == null ? request.uri() : UriRedaction.redact(request.uri());
        }
        return loggableUri;
    }

    /** The peer's IP address without an IPv6 zone (which no X-Forwarded-For reader takes), or "". */
    private String client() {
        if (client == null) {
            String peer = request.remoteAddress();
            int zone = peer.indexOf('%');
            client = zone < 0 ? peer : peer.substring(0, zone);
        }
        return client;
    }

    /**
     * Whom per-client limits count this request against: the peer, or behind a trusted front
     * proxy the address it forwards for ({@link ForwardedHeaders#clientKey}).
     */
    String clientKey() {
        if (clientKey == null) {
            clientKey = isFromTrustedForwarder()
                    ? ForwardedHeaders.clientKey(request.headers(), client(), forwarders)
                    : client();
        }
        return clientKey;
    }

    /** Whether the peer is a front proxy whose X-Forwarded-For chain is believed. */
    private boolean isFromTrustedForwarder() {
        if (fromForwarder == null) {
            fromForwarder = forwarders.trusts(client());
        }
        return fromForwarder;
    }

    /** Adds X-Forwarded-For and the like for the request sent upstream ({@link ForwardedHeaders}). */
    void addForwardedHeaders(BiConsumer<CharSequence, String> add) {
        ForwardedHeaders.add(add, request.headers(), client(), isFromTrustedForwarder());
    }

    /** A random version-4 UUID without SecureRandom's lock: audit IDs need uniqueness, not secrecy. */
    private static String auditId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Answers with {@code status} (unless a response already started) and completes the exchange. */
    void refuse(StatusResponses status) {
        status.send(request.response());
        complete(status.code());
    }

    /** Answers with a status the handler wrote itself ({@code send} returns its code) and completes the exchange. */
    void refuse(java.util.function.ToIntFunction<ClientResponse> send) {
        complete(send.applyAsInt(request.response()));
    }

    /**
     * The request was aborted before its answer ended ({@link ClientRequest#onAbort}): a body that
     * failed is answered with its status if nothing was answered yet; else the outcome is what
     * the client saw, 499 when it went away before any answer.
     */
    void aborted() {
        int failure = request.bodyFailure();
        ClientResponse response = request.response();
        if (failure != 0 && !response.headWritten()) {
            refuse(StatusResponses.forBodyFailure(failure));
        } else {
            complete(response.headWritten() ? response.status() : 499);
        }
    }

    /** Runs once when the exchange completes, however it ends (at most one action: the last set wins). */
    void onComplete(Runnable action) {
        this.onComplete = action;
    }

    /** Records the outcome; later calls are ignored, so every path may call it safely. */
    void complete(int status) {
        if (completed) {
            return;
        }
        completed = true;
        Runnable action = onComplete;
        onComplete = null;
        if (action != null) {
            action.run();
        }
        metrics.completed(status);
        RequestInfo info = RequestInfo.of(request.method().name(), apiPath == null ? "" : apiPath, request.query());
        List<String> sourceIps = ForwardedHeaders.sourceIps(request.headers(), client(), isFromTrustedForwarder());
        audit.record(new AuditEvent(
                auditId(),
                loggableUri(),
                info,
                user,
                impersonated,
                sourceIps,
                userAgent,
                status,
                received,
                Instant.now()));
    }
}
