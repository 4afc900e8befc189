package dev.meridian.agent.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a case's streams into the client's steps: the opening, each stream's frames (several
 * streams' frames interleaved at random, each stream's own order kept), stray frames, then the
 * byte and delivery mutations: flipped, inserted or deleted bytes, a cut, split writes, an early close.
 */
final class Http2Delivery {
    private static final String[] INSERTS = {"\0", "\u00ff", "\u0001", "\u0004\u0000\u0000\u0000"};

    private Http2Delivery() {}

    static List<Step> steps(List<Http2Stream> streams, List<byte[]> extra, List<String> kind, SplittableRandom r) {
        List<byte[]> writes = new ArrayList<>();
        List<Boolean> pauseAfter = new ArrayList<>();
        List<List<byte[]>> queues = new ArrayList<>();
        for (Http2Stream s : streams) {
            List<byte[]> q = new ArrayList<>();
            q.add(s.head());
            byte[] rest = s.rest(r);
            if (rest.length > 0) {
                q.add(rest);
            }
            queues.add(q);
        }
        // Streams open in increasing id order (RFC 9113 5.1.1); after its HEADERS a stream's frames may come at any
        // point.
        boolean interleave = streams.size() > 1 && r.nextBoolean();
        int opened = 0;
        while (queues.stream().anyMatch(q -> !q.isEmpty())) {
            int i;
            if (interleave) {
                do {
                    i = r.nextInt(Math.min(opened + 1, queues.size()));
                } while (queues.get(i).isEmpty());
            } else {
                i = 0;
                while (queues.get(i).isEmpty()) {
                    i++;
                }
            }
            opened = Math.max(opened, i + 1);
            byte[] next = queues.get(i).remove(0);
            writes.add(next);
            pauseAfter.add(streams.get(i).pauseBeforeTail && !queues.get(i).isEmpty());
        }
        for (byte[] junk : extra) {
            int at = r.nextInt(writes.size() + 1);
            writes.add(at, junk);
            pauseAfter.add(at, false);
        }
        return toSteps(writes, pauseAfter, streams, kind, r);
    }

    private static List<Step> toSteps(
            List<byte[]> writes,
            List<Boolean> pauseAfter,
            List<Http2Stream> streams,
            List<String> kind,
            SplittableRandom r) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Send(Http2Wire.opening()));
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < writes.size(); i++) {
            pending.writeBytes(writes.get(i));
            if (pauseAfter.get(i) || kind.contains("split")) {
                steps.add(new Step.Send(pending.toByteArray()));
                steps.add(new Step.Pause(kind.contains("split") ? 1 : 5));
                pending.reset();
            }
        }
        if (pending.size() > 0) {
            steps.add(new Step.Send(pending.toByteArray()));
        }
        for (String k : kind) {
            mutateBytes(k, steps, r);
        }
        if (kind.contains("early-close")) {
            int keep = 1 + r.nextInt(steps.size());
            steps.subList(keep, steps.size()).clear();
            steps.add(new Step.Close());
        } else if (streams.size() == 1 && streams.get(0).watch) {
            steps.add(new Step.AwaitText(Corpus.WATCH_EVENT));
            steps.add(new Step.Close());
        }
        return steps;
    }

    /** Byte mutations hit one write after the opening, so the connection itself starts. */
    private static void mutateBytes(String k, List<Step> steps, SplittableRandom r) {
        if (!List.of("flip", "insert", "delete", "truncate").contains(k) || steps.size() < 2) {
            return;
        }
        int at = 1 + r.nextInt(steps.size() - 1);
        if (!(steps.get(at) instanceof Step.Send send) || send.bytes().length == 0) {
            return;
        }
        byte[] b = send.bytes();
        int p = r.nextInt(b.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (k) {
            case "flip" -> {
                b = b.clone();
                b[p] ^= (byte) (1 << r.nextInt(8));
                steps.set(at, new Step.Send(b));
                return;
            }
            case "insert" -> {
                out.write(b, 0, p);
                out.writeBytes(Corpus.pick(r, INSERTS).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write(b, p, b.length - p);
            }
            case "delete" -> {
                int n = Math.min(1 + r.nextInt(8), b.length - p);
                out.write(b, 0, p);
                out.write(b, p + n, b.length - p - n);
            }
            default -> out.writeBytes(Arrays.copyOf(b, p));
        }
        steps.set(at, new Step.Send(out.toByteArray()));
    }
}
