package dev.meridian.agent.fuzz;

import dev.meridian.agent.testing.AgentHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Well-formed requests as kubectl and browsers send them to the agent, for both protocols: reads,
 * lists, watches, writes, exec upgrades, health checks and preflights, with a valid token, a
 * forged one or none. Every request past the anonymous ones carries {@code fz=<id>} in its query.
 */
final class Corpus {
    static final String PREFIX = "/kubernetes/cluster";
    /** Served by the fuzz upstream as a watch that sends one event and stays open. */
    static final String WATCH_PATH = "/api/v1/namespaces/fuzz/pods";

    static final String WATCH_EVENT = "\"type\":\"ADDED\"";
    /** Exec and port-forward of this pod are refused by the fuzz upstream: a 403 with a Status body instead of a 101. */
    static final String DENIED_POD = "denied";

    static final List<String> NAMESPACES = List.of("default", "kube-system", "team-a");
    /** Every token a fuzz client sends contains one of these: none may ever reach the upstream. */
    static final List<String> CLIENT_TOKEN_MARKS = List.of(AgentHarness.ALICE_TOKEN, "fz-forged-");

    enum Template {
        GET,
        LIST,
        WATCH,
        CREATE,
        REPLACE,
        PATCH,
        DELETE,
        EXEC,
        WEBSOCKET,
        DISCOVERY,
        HEALTHZ,
        READYZ,
        PREFLIGHT
    }

    /** A request independent of its protocol; the path includes the query. */
    record Spec(Template template, String method, String path, List<String[]> headers, String body) {
        boolean anonymous() {
            return template == Template.HEALTHZ || template == Template.READYZ || template == Template.PREFLIGHT;
        }

        boolean upgrade() {
            return template == Template.EXEC || template == Template.WEBSOCKET;
        }

        /** An upgrade the upstream answers with a refusal, not a 101. */
        boolean refusedUpgrade() {
            return upgrade() && path.contains("/pods/" + DENIED_POD + "/");
        }
    }

    private Corpus() {}

    static String newId(SplittableRandom r) {
        return String.format("%016x", r.nextLong());
    }

    static Spec next(SplittableRandom r, String id, boolean allowUpgrade) {
        Template[] all = Template.values();
        Template t;
        do {
            t = all[r.nextInt(all.length)];
        } while (!allowUpgrade && (t == Template.EXEC || t == Template.WEBSOCKET));
        String ns = NAMESPACES.get(r.nextInt(NAMESPACES.size()));
        String pod = r.nextInt(4) == 0 ? DENIED_POD : "web";
        String q = "fz=" + id;
        List<String[]> h = new ArrayList<>();
        Spec spec = switch (t) {
            case GET ->
                new Spec(
                        t, "GET", PREFIX + "/api/v1/namespaces/" + ns + "/pods/web-" + r.nextInt(9) + "?" + q, h, null);
            case LIST ->
                new Spec(t, "GET", PREFIX + "/api/v1/namespaces/" + ns + "/configmaps?limit=500&" + q, h, null);
            case WATCH -> new Spec(t, "GET", PREFIX + WATCH_PATH + "?watch=true&resourceVersion=1&" + q, h, null);
            case CREATE ->
                new Spec(
                        t,
                        "POST",
                        PREFIX + "/api/v1/namespaces/" + ns + "/configmaps?" + q,
                        h,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm\"},\"data\":{\"k\":\"v\"}}");
            case REPLACE ->
                new Spec(
                        t,
                        "PUT",
                        PREFIX + "/api/v1/namespaces/" + ns + "/configmaps/cm?" + q,
                        h,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm\"},\"data\":{\"k\":\"w\"}}");
            case PATCH ->
                new Spec(
                        t,
                        "PATCH",
                        PREFIX + "/apis/apps/v1/namespaces/" + ns + "/deployments/web?" + q,
                        h,
                        "{\"spec\":{\"replicas\":" + r.nextInt(5) + "}}");
            case DELETE -> new Spec(t, "DELETE", PREFIX + "/api/v1/namespaces/" + ns + "/configmaps/cm?" + q, h, null);
            case EXEC ->
                new Spec(
                        t,
                        "POST",
                        PREFIX + "/api/v1/namespaces/" + ns + "/pods/" + pod + "/exec?command=sh&stdin=true&" + q,
                        h,
                        null);
            case WEBSOCKET ->
                new Spec(
                        t,
                        "GET",
                        PREFIX + "/api/v1/namespaces/" + ns + "/pods/" + pod + "/portforward?ports=80&" + q,
                        h,
                        null);
            case DISCOVERY ->
                new Spec(t, "GET", PREFIX + pick(r, "/api", "/apis", "/api/v1", "/version") + "?" + q, h, null);
            case HEALTHZ -> new Spec(t, "GET", "/healthz", h, null);
            case READYZ -> new Spec(t, "GET", "/readyz", h, null);
            case PREFLIGHT -> new Spec(t, "OPTIONS", PREFIX + "/api/v1/namespaces/" + ns + "/pods?" + q, h, null);
        };
        addHeaders(r, spec);
        return spec;
    }

    private static void addHeaders(SplittableRandom r, Spec s) {
        List<String[]> h = s.headers();
        if (!s.anonymous() || r.nextInt(4) == 0) {
            int auth = r.nextInt(20);
            if (auth < 13) {
                h.add(new String[] {"Authorization", (auth == 0 ? "bearer " : "Bearer ") + AgentHarness.ALICE_TOKEN});
            } else if (auth < 17) {
                h.add(new String[] {"Authorization", "Bearer fz-forged-" + Long.toHexString(r.nextLong())});
            }
        }
        h.add(new String[] {"User-Agent", "kubectl/v1.32.0 (fuzz)"});
        h.add(new String[] {"Accept", pick(r, "application/json", "application/json;as=Table;v=v1;g=meta.k8s.io", "*/*")
        });
        switch (s.template()) {
            case CREATE, REPLACE -> h.add(new String[] {"Content-Type", "application/json"});
            case PATCH -> h.add(new String[] {"Content-Type", "application/merge-patch+json"});
            case EXEC -> {
                h.add(new String[] {"Connection", "Upgrade"});
                h.add(new String[] {"Upgrade", "SPDY/3.1"});
                h.add(new String[] {"X-Stream-Protocol-Version", "v4.channel.k8s.io"});
            }
            case WEBSOCKET -> {
                h.add(new String[] {"Connection", "Upgrade"});
                h.add(new String[] {"Upgrade", "websocket"});
                h.add(new String[] {"Sec-WebSocket-Version", "13"});
                h.add(new String[] {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="});
                h.add(new String[] {"Sec-WebSocket-Protocol", "v5.channel.k8s.io"});
            }
            case PREFLIGHT -> {
                h.add(new String[] {"Origin", "https://console.example"});
                h.add(new String[] {"Access-Control-Request-Method", "POST"});
            }
            default -> {}
        }
    }

    static boolean hasValidToken(Spec s) {
        return s.headers().stream()
                .anyMatch(h -> h[0].equals("Authorization") && h[1].endsWith(" " + AgentHarness.ALICE_TOKEN));
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }
}
