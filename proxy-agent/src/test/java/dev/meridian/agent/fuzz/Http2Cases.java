package dev.meridian.agent.fuzz;

import static dev.meridian.agent.fuzz.Corpus.pick;

import dev.meridian.agent.testing.AgentHarness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * HTTP/2 fuzz cases: one stream, a few, or a hundred and more on one connection, each a
 * {@link Corpus} request; a quarter left well-formed, the others broken by up to three mutations of
 * a stream's header fields (connection-specific fields, upper-case names and pseudo-header abuse
 * are malformed in HTTP/2, RFC 9113 8.2), its framing (DATA beyond content-length, a reset
 * mid-request), the connection (stray frames, flipped bytes) or the delivery.
 */
final class Http2Cases {
    static final List<String> MUTATIONS = List.of(
            "conn-header",
            "upper-name",
            "pseudo",
            "data-beyond-cl",
            "data-short-of-cl",
            "rst-mid",
            "rst-after",
            "value-injection",
            "impersonate",
            "trailers",
            "get-with-body",
            "huge-header",
            "path-escape",
            "stream-id",
            "frame-junk",
            "flip",
            "insert",
            "delete",
            "truncate",
            "split",
            "early-close");

    FuzzCase next(String lane, long index, SplittableRandom r) {
        int size = r.nextInt(10);
        int n = size < 6 ? 1 : size < 9 ? 2 + r.nextInt(9) : 30 + r.nextInt(120);
        List<Http2Stream> streams = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Corpus.newId(r);
            ids.add(id);
            Corpus.Spec spec;
            do {
                spec = Corpus.next(r, id, false);
            } while (spec.template() == Corpus.Template.WATCH && (i < n - 1 || n > 1));
            streams.add(toStream(spec, 1 + 2 * i, r));
        }
        List<String> kind = new ArrayList<>();
        if (n >= 30) {
            kind.add("many-streams");
        }
        if (r.nextInt(4) != 0) {
            int count = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
            for (int m = 0; m < count; m++) {
                kind.add(MUTATIONS.get(r.nextInt(MUTATIONS.size())));
            }
        }
        List<byte[]> extra = new ArrayList<>();
        for (String k : kind) {
            mutate(k, streams.get(r.nextInt(n)), streams, extra, r);
        }
        List<Step> steps = Http2Delivery.steps(streams, extra, kind, r);
        boolean valid = kind.isEmpty() || kind.equals(List.of("many-streams"));
        StringBuilder plan = new StringBuilder();
        streams.stream()
                .limit(6)
                .forEach(s -> plan.append("  ").append(s.plan()).append('\n'));
        if (n > 6) {
            plan.append("  ... ").append(n - 6).append(" more streams\n");
        }
        return new FuzzCase(
                lane,
                index,
                kind,
                steps,
                valid ? FuzzCase.Expect.ANSWERED : FuzzCase.Expect.ANY,
                n,
                ids,
                plan.toString());
    }

    private static Http2Stream toStream(Corpus.Spec spec, int id, SplittableRandom r) {
        Http2Stream s = new Http2Stream(id);
        s.anonymous = spec.anonymous();
        s.watch = spec.template() == Corpus.Template.WATCH && Corpus.hasValidToken(spec);
        s.field(":method", spec.method())
                .field(":scheme", "https")
                .field(":authority", "agent")
                .field(":path", spec.path());
        spec.headers().forEach(h -> s.field(h[0].toLowerCase(Locale.ROOT), h[1]));
        if (spec.body() != null) {
            s.body = spec.body().getBytes(StandardCharsets.ISO_8859_1);
            if (r.nextInt(10) < 7) {
                s.field("content-length", String.valueOf(s.body.length));
            }
        }
        return s;
    }

    private static void mutate(String k, Http2Stream s, List<Http2Stream> all, List<byte[]> extra, SplittableRandom r) {
        switch (k) {
            case "conn-header" -> {
                String[] f = pick(
                        r,
                        new String[] {"connection", "keep-alive"},
                        new String[] {"connection", "close"},
                        new String[] {"keep-alive", "timeout=5"},
                        new String[] {"proxy-connection", "keep-alive"},
                        new String[] {"transfer-encoding", "chunked"},
                        new String[] {"upgrade", "h2c"},
                        new String[] {"te", "gzip"},
                        new String[] {"te", "trailers"},
                        new String[] {"host", "evil.example"});
                s.field(f[0], f[1]);
            }
            case "upper-name" ->
                s.field(
                        pick(r, "Impersonate-User", "X-Note", "Authorization", "Content-Length"),
                        pick(r, Http1Mutations.MALLORY, "Bearer " + AgentHarness.ALICE_TOKEN, "5"));
            case "pseudo" -> Http2Pseudo.abuse(s, r);
            case "data-beyond-cl" -> {
                s.remove("content-length");
                s.field("content-length", pick(r, "5", "0", "1"));
                s.body = "0123456789abcdefghij".getBytes(StandardCharsets.ISO_8859_1);
            }
            case "data-short-of-cl" -> {
                s.remove("content-length");
                s.field("content-length", "50");
                s.body = "short".getBytes(StandardCharsets.ISO_8859_1);
            }
            case "rst-mid" -> {
                s.open = true;
                if (s.body == null && r.nextBoolean()) {
                    s.body = "partial".getBytes(StandardCharsets.ISO_8859_1);
                }
                s.pauseBeforeTail = r.nextBoolean();
                s.tail.add(Http2Wire.rst(s.id, Http2Wire.CANCEL));
            }
            case "rst-after" -> {
                s.pauseBeforeTail = r.nextBoolean();
                s.tail.add(Http2Wire.rst(s.id, Http2Wire.CANCEL));
            }
            case "value-injection" ->
                s.field(
                        pick(r, "x-note", "authorization", "user-agent"),
                        pick(
                                r,
                                "a\r\nimpersonate-user: " + Http1Mutations.MALLORY,
                                "a\nImpersonate-User: " + Http1Mutations.MALLORY,
                                "a\rb",
                                "a\0b",
                                " padded ",
                                "Bearer " + AgentHarness.ALICE_TOKEN + "\r\nx-remote-user: " + Http1Mutations.MALLORY));
            case "impersonate" ->
                s.field(
                        pick(
                                r,
                                "impersonate-user",
                                "impersonate-group",
                                "impersonate-uid",
                                "impersonate-extra-scopes",
                                "x-remote-user",
                                "x-remote-group"),
                        Http1Mutations.MALLORY);
            case "trailers" -> {
                s.open = true;
                if (s.body == null) {
                    s.body = "{}".getBytes(StandardCharsets.ISO_8859_1);
                }
                s.tail.add(Http2Wire.headers(
                        s.id,
                        List.<String[]>of(new String[] {
                            pick(r, "impersonate-user", "authorization", "x-trailer"), Http1Mutations.MALLORY
                        }),
                        true));
            }
            case "get-with-body" -> {
                s.set(":method", pick(r, "GET", "HEAD", "DELETE"));
                s.body = "unexpected".getBytes(StandardCharsets.ISO_8859_1);
            }
            case "huge-header" -> s.field("x-big", "a".repeat(20_000 + r.nextInt(60_000)));
            case "path-escape" -> {
                String path = s.get(":path");
                int q = path == null ? -1 : path.indexOf('?');
                s.set(":path", pick(r, Http1Mutations.PATH_ESCAPES) + (q < 0 ? "" : path.substring(q)));
            }
            case "stream-id" ->
                s.id = pick(r, 0, 2, all.size() > 1 ? 1 : 4, Integer.MAX_VALUE, 1 + 2 * (all.size() + 5));
            case "frame-junk" -> extra.add(junkFrame(s.id, r));
            default -> {
                // byte and delivery mutations: see Http2Delivery
            }
        }
    }

    private static byte[] junkFrame(int stream, SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> Http2Wire.frame(0xfa, 0xff, stream, "junk".getBytes(StandardCharsets.ISO_8859_1));
            case 1 -> Http2Wire.frame(Http2Wire.PRIORITY, 0, stream, concat(Http2Wire.int32(stream), new byte[] {16}));
            case 2 -> Http2Wire.windowUpdate(stream, 0);
            case 3 -> Http2Wire.data(0, "stream zero".getBytes(StandardCharsets.ISO_8859_1), false);
            case 4 -> Http2Wire.settings(0x2, 2);
            case 5 -> Http2Wire.settings(0x4, Integer.MIN_VALUE);
            case 6 -> Http2Wire.frame(Http2Wire.PING, 0, 0, new byte[5]);
            case 7 -> Http2Wire.goaway(0, 0);
            default -> Http2Wire.rst(stream + 100, Http2Wire.CANCEL);
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
