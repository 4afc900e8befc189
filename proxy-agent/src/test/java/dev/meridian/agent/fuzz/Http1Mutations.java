package dev.meridian.agent.fuzz;

import static dev.meridian.agent.fuzz.Corpus.pick;

import dev.meridian.agent.testing.AgentHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of one request's structure, each a way a client, an attacker or a confused proxy
 * breaks HTTP/1.1: framing (RFC 9112 6, 7), header syntax (RFC 9112 5), request targets
 * (RFC 9112 3.2), and identity headers a client must never get through to the API server.
 */
final class Http1Mutations {
    static final List<String> NAMES = List.of(
            "dup-header",
            "cl+te",
            "bad-chunk-size",
            "chunk-overrun",
            "chunked-get",
            "huge-header",
            "huge-target",
            "many-headers",
            "crlf-in-value",
            "obs-fold",
            "impersonate",
            "x-remote",
            "absolute-form",
            "asterisk-form",
            "path-escape",
            "version",
            "method",
            "host",
            "bad-header-line",
            "expect-continue",
            "weird-length",
            "weird-te",
            "upgrade-variant",
            "trailer");

    static final String MALLORY = "mallory";
    private static final String SMUGGLED = "GET " + Corpus.PREFIX + "/api/v1/secrets HTTP/1.1\r\nHost: agent\r\n"
            + "Authorization: Bearer " + AgentHarness.ALICE_TOKEN + "\r\nImpersonate-User: " + MALLORY + "\r\n\r\n";

    static final String[] PATH_ESCAPES = {
        "/kubernetes/cluster/../management/apis",
        "/kubernetes/cluster/%2e%2e/management",
        "/kubernetes/cluster/%2E%2E%2Fapi",
        "/kubernetes/cluster/api%2fv1/pods",
        "/kubernetes/cluster/api%5cv1",
        "/kubernetes/cluster/./api/v1/../v1/pods",
        "//kubernetes//cluster//api",
        "/kubernetes/cluster/api/v1/%00",
        "/kubernetes/cluster/%252e%252e/x",
        "/KUBERNETES/cluster/api",
        "/kubernetes/cluster;x/api",
        "/healthz/../kubernetes/cluster/api",
        "/kubernetes/cluster/api/../../../healthz",
        "/healthz/",
        "/kubernetes/cluster\\..\\api",
        "/kubernetes/cluster/api/%zz",
        "/kubernetes/cluster/%c0%ae%c0%ae/x",
        "/kubernetes/cluster/api/v1/namespaces/a/pods/%2e",
        "/kubernetes/clusterx/api",
        "/kubernetes/cluster/api/v1/pods/\u00e9",
        "kubernetes/cluster/api",
        "/kubernetes/cluster/api#frag"
    };

    private Http1Mutations() {}

    static void apply(String name, Http1Request q, SplittableRandom r) {
        switch (name) {
            case "dup-header" -> duplicateHeader(q, r);
            case "cl+te" -> lengthAndChunked(q, r);
            case "bad-chunk-size" ->
                chunked(
                        q,
                        pick(
                                r,
                                "zz\r\nhello\r\n0\r\n\r\n",
                                "-1\r\nhello\r\n0\r\n\r\n",
                                "0x5\r\nhello\r\n0\r\n\r\n",
                                "FFFFFFFFFFFFFFFFFF\r\nhello\r\n0\r\n\r\n",
                                " 5\r\nhello\r\n0\r\n\r\n",
                                "5 ;ext=1\r\nhello\r\n0\r\n\r\n",
                                "5\nhello\n0\n\n",
                                "5\r\nhello0\r\n\r\n",
                                "\r\n\r\n",
                                "5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n",
                                "5\r\nhello\r\n-3\r\n\r\n",
                                "5\r\nhello\r\n5\r\nhel"));
            case "chunk-overrun" ->
                chunked(
                        q,
                        pick(
                                r,
                                "5\r\nhello world\r\n0\r\n\r\n",
                                "3\r\nabcdef\r\n0\r\n\r\n",
                                "5\r\nhello\r\n3\r\nabcdefgh\r\n0\r\n\r\n",
                                "1\r\nab\r\n0\r\n\r\n" + SMUGGLED));
            case "chunked-get" -> {
                q.method = pick(r, "GET", "HEAD", "DELETE", "OPTIONS");
                chunked(q, "3\r\nabc\r\n0\r\n\r\n");
            }
            case "huge-header" -> q.header("X-Big: " + "a".repeat(60_000 + r.nextInt(10_000)));
            case "huge-target" -> q.target = q.target + "&pad=" + "b".repeat(60_000 + r.nextInt(10_000));
            case "many-headers" -> {
                int n = 500 + r.nextInt(3000);
                for (int i = 0; i < n; i++) {
                    q.header("X-H" + i + ": v");
                }
            }
            case "crlf-in-value" -> injectLineBreak(q, r);
            case "obs-fold" -> fold(q, r);
            case "impersonate" ->
                q.header(pick(
                                r,
                                "Impersonate-User",
                                "impersonate-user",
                                "IMPERSONATE-USER",
                                "iMpErSoNaTe-UsEr",
                                "Impersonate-Group",
                                "Impersonate-Uid",
                                "Impersonate-Extra-Scopes",
                                "Impersonate-User ")
                        + ": " + pick(r, MALLORY, MALLORY + "-system:masters"));
            case "x-remote" ->
                q.header(pick(r, "X-Remote-User", "x-remote-group", "X-REMOTE-EXTRA-SCOPES") + ": " + MALLORY);
            case "absolute-form" ->
                q.target = pick(
                                r,
                                "http://agent",
                                "https://evil.example",
                                "http://agent:80",
                                "//evil.example",
                                "HTTP://agent")
                        + q.target;
            case "asterisk-form" -> {
                q.target = "*";
                q.method = pick(r, "OPTIONS", "GET", "POST");
            }
            case "path-escape" -> {
                int query = q.target.indexOf('?');
                q.target = pick(r, PATH_ESCAPES) + (query < 0 ? "" : q.target.substring(query));
            }
            case "version" ->
                q.version = pick(
                        r,
                        "HTTP/1.0",
                        "HTTP/1.2",
                        "HTTP/2.0",
                        "HTTP/0.9",
                        "http/1.1",
                        "HTTP/1.1 ",
                        "",
                        "HTTP/11",
                        "HTTP/1.1\0");
            case "method" ->
                q.method = pick(
                        r, "get", "PROPFIND", "CONNECT", "TRACE", "G ET", "", "GET\0", "X".repeat(5000), "POST", "PRI");
            case "host" -> host(q, r);
            case "bad-header-line" ->
                q.headers.add(
                        r.nextInt(q.headers.size() + 1),
                        pick(
                                r,
                                "Broken header line",
                                ": empty-name",
                                "X Foo: bar",
                                "X-Foo : bar",
                                "X-Foo:bar",
                                "\u00e9t\u00e9: x",
                                "X-Foo\0: bar",
                                " X-Lead: space"));
            case "expect-continue" -> {
                q.header("Expect: 100-continue");
                if (r.nextBoolean()) {
                    q.body = new byte[0];
                }
            }
            case "weird-length" -> weirdLength(q, r);
            case "weird-te" -> {
                q.removeHeader("Content-Length");
                q.removeHeader("Transfer-Encoding");
                q.header("Transfer-Encoding: "
                        + pick(
                                r,
                                "chunked, chunked",
                                "gzip",
                                "gzip, chunked",
                                "chunked;q=1",
                                "identity",
                                " chunked",
                                "xchunked",
                                "chunked\0",
                                "CHUNKED"));
                if (r.nextBoolean()) {
                    q.header("Transfer-Encoding: chunked");
                }
                q.body = "5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            }
            case "upgrade-variant" -> upgradeVariant(q, r);
            case "trailer" ->
                chunked(
                        q,
                        "5\r\nhello\r\n0\r\nImpersonate-User: " + MALLORY + "\r\nAuthorization: Bearer "
                                + AgentHarness.ALICE_TOKEN + "\r\nX-Trailer: t\r\n\r\n");
            default -> throw new IllegalArgumentException("unknown mutation " + name);
        }
    }

    private static void chunked(Http1Request q, String body) {
        q.removeHeader("Content-Length");
        q.removeHeader("Transfer-Encoding");
        q.header("Transfer-Encoding: chunked");
        q.body = body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void duplicateHeader(Http1Request q, SplittableRandom r) {
        if (q.headers.isEmpty()) {
            q.header("Host: agent");
            return;
        }
        String line = q.headers.get(r.nextInt(q.headers.size()));
        q.headers.add(r.nextInt(q.headers.size() + 1), line);
    }

    private static void lengthAndChunked(Http1Request q, SplittableRandom r) {
        q.removeHeader("Content-Length");
        q.removeHeader("Transfer-Encoding");
        String body = pick(r, "5\r\nhello\r\n0\r\n\r\n", "0\r\n\r\n" + SMUGGLED);
        String length = "Content-Length: " + pick(r, String.valueOf(body.length()), "0", "5");
        String coding = pick(r, "Transfer-Encoding: chunked", "transfer-encoding: Chunked");
        if (r.nextBoolean()) {
            q.header(length).header(coding);
        } else {
            q.header(coding).header(length);
        }
        q.body = body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void injectLineBreak(Http1Request q, SplittableRandom r) {
        String hidden = pick(
                r,
                "Impersonate-User: " + MALLORY,
                "X-Remote-User: " + MALLORY,
                "Authorization: Bearer " + AgentHarness.ALICE_TOKEN);
        String brk = pick(r, "\r", "\n", "\0", "\u0085", "\r\r\n", "\n\r");
        switch (r.nextInt(3)) {
            case 0 -> q.header("X-Note: a" + brk + hidden);
            case 1 -> {
                q.removeHeader("Authorization");
                q.header("Authorization: Bearer " + AgentHarness.ALICE_TOKEN + brk + hidden);
            }
            default -> q.target = q.target + brk + hidden;
        }
    }

    private static void fold(Http1Request q, SplittableRandom r) {
        String ws = pick(r, " ", "\t", "  ");
        switch (r.nextInt(3)) {
            case 0 -> q.header("X-Note: a").header(ws + "Impersonate-User: " + MALLORY);
            case 1 -> {
                q.removeHeader("Authorization");
                q.header("Authorization: Bearer").header(ws + AgentHarness.ALICE_TOKEN);
            }
            default -> q.headers.add(0, ws + "Impersonate-User: " + MALLORY);
        }
    }

    private static void host(Http1Request q, SplittableRandom r) {
        q.removeHeader("Host");
        switch (r.nextInt(4)) {
            case 0 -> {}
            case 1 -> q.header("Host: agent").header("Host: evil.example");
            case 2 -> q.header("Host: ");
            default -> q.header("Host: evil.example:99999");
        }
    }

    private static void weirdLength(Http1Request q, SplittableRandom r) {
        q.removeHeader("Transfer-Encoding");
        q.removeHeader("Content-Length");
        if (q.body.length == 0) {
            q.body = "{\"a\":1}".getBytes(StandardCharsets.ISO_8859_1);
        }
        int n = q.body.length;
        q.header("Content-Length: "
                + pick(
                        r,
                        "+" + n,
                        "-1",
                        n + " " + n,
                        "99999999999999999999",
                        "0x" + Integer.toHexString(n),
                        " " + n,
                        n + "," + n,
                        "",
                        String.valueOf(n + 10),
                        String.valueOf(Math.max(0, n - 3))));
    }

    private static void upgradeVariant(Http1Request q, SplittableRandom r) {
        q.removeHeader("Connection");
        q.removeHeader("Upgrade");
        switch (r.nextInt(6)) {
            case 0 -> q.header("Upgrade: SPDY/3.1");
            case 1 -> q.header("Connection: Upgrade");
            case 2 ->
                q.header("Connection: Upgrade, HTTP2-Settings")
                        .header("Upgrade: h2c")
                        .header("HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA");
            case 3 ->
                q.header("Connection: keep-alive, Upgrade")
                        .header("Upgrade: SPDY/3.1")
                        .lengthBody("early");
            case 4 -> q.header("Connection: Upgrade").header("Upgrade: websocket, h2c");
            default -> {
                q.header("Connection: Upgrade").header("Upgrade: SPDY/3.1");
                q.body = "early-bytes-before-101".getBytes(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
