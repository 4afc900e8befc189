package dev.meridian.agent.fuzz;

import static dev.meridian.agent.fuzz.Corpus.pick;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * HTTP/1.1 fuzz cases: one to four pipelined requests from the {@link Corpus}, a quarter of them
 * left well-formed, the others broken by up to three mutations: one on a request's structure
 * ({@link Http1Mutations}), on the bytes as written, or on how they are delivered (split, cut,
 * closed early).
 */
final class Http1Cases {
    private static final List<String> BYTE_MUTATIONS = List.of("flip", "insert", "delete", "repeat", "truncate");
    private final boolean halfCloseAllowed;

    /** {@code halfCloseAllowed}: the transport can end one direction (plain TCP; TLS sockets cannot). */
    Http1Cases(boolean halfCloseAllowed) {
        this.halfCloseAllowed = halfCloseAllowed;
    }

    FuzzCase next(String lane, long index, SplittableRandom r) {
        int n = r.nextInt(10) < 7 ? 1 : 2 + r.nextInt(3);
        List<Http1Request> requests = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Corpus.newId(r);
            ids.add(id);
            Corpus.Spec spec;
            do {
                spec = Corpus.next(r, id, i == n - 1);
            } while (i < n - 1 && spec.template() == Corpus.Template.WATCH);
            requests.add(toHttp1(spec, r));
        }
        Http1Request last = requests.get(n - 1);
        if (last.after == Http1Request.After.NOTHING) {
            last.header("Connection: close");
        }
        boolean mutate = r.nextInt(4) != 0;
        List<String> kind = new ArrayList<>();
        if (mutate) {
            int count = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
            for (int m = 0; m < count; m++) {
                kind.add(pickMutation(r));
            }
        }
        for (String k : kind) {
            if (Http1Mutations.NAMES.contains(k)) {
                Http1Mutations.apply(k, requests.get(r.nextInt(n)), r);
            }
        }
        int headLength = headLength(requests.get(0));
        byte[] bytes = render(requests);
        for (String k : kind) {
            if (BYTE_MUTATIONS.contains(k)) {
                bytes = mutateBytes(k, bytes, headLength, r);
            }
        }
        List<Step> steps = deliver(bytes, kind, headLength, r);
        afterwards(last, ids.get(n - 1), steps);
        return new FuzzCase(lane, index, kind, steps, expect(kind, n, last), n, ids, "");
    }

    private static FuzzCase.Expect expect(List<String> kind, int n, Http1Request last) {
        if (kind.isEmpty()) {
            return FuzzCase.Expect.ANSWERED;
        }
        boolean onlyAmbiguousFraming = kind.size() == 1 && kind.get(0).equals("cl+te");
        return onlyAmbiguousFraming && n == 1 && last.after == Http1Request.After.NOTHING
                ? FuzzCase.Expect.REFUSED
                : FuzzCase.Expect.ANY;
    }

    private String pickMutation(SplittableRandom r) {
        int family = r.nextInt(10);
        if (family < 6) {
            return Http1Mutations.NAMES.get(r.nextInt(Http1Mutations.NAMES.size()));
        }
        if (family < 8) {
            return BYTE_MUTATIONS.get(r.nextInt(BYTE_MUTATIONS.size()));
        }
        return halfCloseAllowed
                ? pick(r, "split", "early-close", "close-after-send", "half-sent-head", "half-close")
                : pick(r, "split", "early-close", "close-after-send", "half-sent-head");
    }

    private static Http1Request toHttp1(Corpus.Spec spec, SplittableRandom r) {
        Http1Request req = new Http1Request(spec.method(), spec.path());
        req.anonymous = spec.anonymous();
        req.header(r.nextInt(8) == 0 ? "host: agent.example:443" : "Host: agent");
        boolean valid = Corpus.hasValidToken(spec);
        boolean relayed = valid && spec.upgrade() && !spec.refusedUpgrade();
        for (String[] h : spec.headers()) {
            boolean connection = h[0].equals("Connection");
            // An upgrade that will not be relayed (no valid token, or refused) is answered and the connection then
            // closes.
            req.header(h[0] + ": " + (connection && !relayed ? h[1] + ", close" : h[1]));
        }
        if (spec.body() != null) {
            if (r.nextInt(10) < 7) {
                req.lengthBody(spec.body());
            } else {
                int cut = 1 + r.nextInt(spec.body().length() - 1);
                req.chunkedBody(spec.body().substring(0, cut), spec.body().substring(cut));
            }
        }
        if (relayed) {
            req.after = Http1Request.After.UPGRADE;
        } else if (valid && spec.template() == Corpus.Template.WATCH) {
            req.after = Http1Request.After.WATCH;
        }
        return req;
    }

    /** What a client does after its last request: talk over the upgraded connection, or read a watch's first event, then leave. */
    private static void afterwards(Http1Request last, String id, List<Step> steps) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof Step.Close) {
            return;
        }
        if (last.after == Http1Request.After.UPGRADE) {
            String ping = "fz-ping-" + id;
            steps.add(new Step.AwaitText(" 101 "));
            steps.add(Step.Send.text(ping));
            steps.add(new Step.AwaitText(ping));
            steps.add(new Step.Close());
        } else if (last.after == Http1Request.After.WATCH) {
            steps.add(new Step.AwaitText(Corpus.WATCH_EVENT));
            steps.add(new Step.Close());
        }
    }

    private static int headLength(Http1Request first) {
        return first.render().length - first.body.length;
    }

    private static byte[] render(List<Http1Request> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        requests.forEach(q -> out.writeBytes(q.render()));
        return out.toByteArray();
    }

    private static final String[] INSERTS = {
        "\r",
        "\n",
        "\r\n",
        " ",
        "\t",
        ":",
        "\0",
        "\u007f",
        "\u00ff",
        "%",
        "/",
        "..",
        "\r\n\r\n",
        "0\r\n\r\n",
        ",",
        ";",
        "\"",
        "\r\n "
    };

    /** Positions fall in the first request's head seven times in ten: that is where parsers differ. */
    private static byte[] mutateBytes(String kind, byte[] b, int headLength, SplittableRandom r) {
        if (b.length == 0) {
            return b;
        }
        int p = r.nextInt(10) < 7 ? r.nextInt(Math.min(headLength, b.length)) : r.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (kind) {
            case "flip" -> {
                byte[] c = b.clone();
                c[p] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case "insert" -> {
                out.write(b, 0, p);
                String s = r.nextInt(6) == 0 ? String.valueOf((char) r.nextInt(256)) : pick(r, INSERTS);
                out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write(b, p, b.length - p);
            }
            case "delete" -> {
                int n = Math.min(1 + r.nextInt(8), b.length - p);
                out.write(b, 0, p);
                out.write(b, p + n, b.length - p - n);
            }
            case "repeat" -> {
                int n = Math.min(1 + r.nextInt(40), b.length - p);
                out.write(b, 0, p + n);
                out.write(b, p, b.length - p);
            }
            default -> out.write(b, 0, p);
        }
        return out.toByteArray();
    }

    private static List<Step> deliver(byte[] bytes, List<String> kind, int headLength, SplittableRandom r) {
        List<Step> steps = new ArrayList<>();
        if (kind.contains("early-close") || kind.contains("half-sent-head")) {
            int bound = kind.contains("half-sent-head") ? Math.min(headLength, bytes.length) : bytes.length;
            int cut = bound <= 1 ? bound : 1 + r.nextInt(bound - 1);
            steps.add(new Step.Send(java.util.Arrays.copyOf(bytes, cut)));
            if (kind.contains("early-close")) {
                steps.add(new Step.Pause(r.nextInt(3)));
                steps.add(new Step.Close());
            }
            return steps;
        }
        if (kind.contains("split") && bytes.length > 1) {
            int pieces = 2 + r.nextInt(5);
            int from = 0;
            for (int i = 1; i <= pieces && from < bytes.length; i++) {
                int to = i == pieces
                        ? bytes.length
                        : Math.min(bytes.length, from + 1 + r.nextInt(Math.max(1, bytes.length / pieces)));
                steps.add(new Step.Send(java.util.Arrays.copyOfRange(bytes, from, to)));
                steps.add(new Step.Pause(1 + r.nextInt(3)));
                from = to;
            }
        } else {
            steps.add(new Step.Send(bytes));
        }
        if (kind.contains("half-close")) {
            steps.add(new Step.HalfClose());
        }
        if (kind.contains("close-after-send")) {
            steps.add(new Step.Close());
        }
        return steps;
    }
}
