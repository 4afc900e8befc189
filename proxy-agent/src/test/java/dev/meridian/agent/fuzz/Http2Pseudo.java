package dev.meridian.agent.fuzz;

import java.util.SplittableRandom;

/** Pseudo-header fields broken the ways RFC 9113 8.3 forbids, each of which makes a request malformed. */
final class Http2Pseudo {
    private Http2Pseudo() {}

    static void abuse(Http2Stream s, SplittableRandom r) {
        switch (r.nextInt(14)) {
            case 0 -> s.field(":path", "/kubernetes/cluster/api/v1/secrets");
            case 1 -> s.remove(":method");
            case 2 -> s.remove(":path");
            case 3 -> s.remove(":scheme");
            case 4 -> s.set(":path", "");
            case 5 -> s.set(":path", "*");
            case 6 -> s.set(":path", "kubernetes/cluster/api");
            case 7 -> {
                String path = s.get(":path");
                s.remove(":path");
                s.field(":path", path == null ? "/" : path);
            }
            case 8 -> s.field(":foo", "bar");
            case 9 -> s.field(":status", "200");
            case 10 -> s.field(":protocol", "websocket");
            case 11 -> {
                s.set(":method", "CONNECT");
                if (r.nextBoolean()) {
                    s.remove(":path");
                    s.remove(":scheme");
                }
            }
            case 12 -> s.set(":authority", Corpus.pick(r, "user@agent", "", "evil.example:99999", "agent\r\nx: y"));
            default -> s.set(":method", Corpus.pick(r, "", "get", "G ET", "X".repeat(3000)));
        }
    }
}
