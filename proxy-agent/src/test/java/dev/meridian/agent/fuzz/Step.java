package dev.meridian.agent.fuzz;

import java.nio.charset.StandardCharsets;

/** One thing a fuzz client does on its connection, in order. */
sealed interface Step {

    /** Writes these bytes (a write the agent refuses by closing ends the sending, not the case). */
    record Send(byte[] bytes) implements Step {
        static Send text(String s) {
            return new Send(s.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Paces the client: the agent reads what came before as a chunk of its own. */
    record Pause(int millis) implements Step {}

    /** Waits until the answers so far contain {@code text} (an upgrade's 101, a watch's first event, an echo). */
    record AwaitText(String text) implements Step {}

    /** The client goes away: the connection closes at once, whatever is in flight. */
    record Close() implements Step {}

    /** Plain TCP only: the client ends its side (FIN) and keeps reading. */
    record HalfClose() implements Step {}
}
