package dev.meridian.agent.fuzz;

import java.util.List;

/**
 * One generated client conversation: what it does, the mutations that made it ({@code kind}, empty
 * for an untouched corpus case), what the agent must do with it, how many requests it holds, and
 * the ids ({@code fz=} query values) those requests carry so audit events and upstream requests
 * can be traced back to it. {@code plan} describes binary steps for a reader ("" when the bytes speak for themselves).
 */
record FuzzCase(
        String lane,
        long index,
        List<String> kind,
        List<Step> steps,
        Expect expect,
        int requests,
        List<String> ids,
        String plan) {

    enum Expect {
        /** Well-formed: every request is answered (the last one closes the connection or the client does). */
        ANSWERED,
        /** Ambiguous framing (Content-Length with Transfer-Encoding): refused with 400, nothing else. */
        REFUSED,
        /** Mutated: only the invariants hold. */
        ANY
    }

    FuzzCase {
        kind = List.copyOf(kind);
        steps = List.copyOf(steps);
        ids = List.copyOf(ids);
    }

    String name() {
        return lane + "#" + index;
    }

    String kindText() {
        return kind.isEmpty() ? "corpus" : String.join("+", kind);
    }

    int sentBytes() {
        return steps.stream()
                .mapToInt(s -> s instanceof Step.Send send ? send.bytes().length : 0)
                .sum();
    }

    /** The steps as a reader can retype them: bytes escaped Java-style, long runs of one byte folded. */
    String describe() {
        StringBuilder out = new StringBuilder(plan);
        for (Step step : steps) {
            if (step instanceof Step.Send send) {
                out.append("  send \"").append(Escape.bytes(send.bytes())).append("\"\n");
            } else if (step instanceof Step.Pause pause) {
                out.append("  pause ").append(pause.millis()).append(" ms\n");
            } else if (step instanceof Step.AwaitText await) {
                out.append("  await \"").append(await.text()).append("\"\n");
            } else if (step instanceof Step.Close) {
                out.append("  close\n");
            } else {
                out.append("  half-close\n");
            }
        }
        return out.toString();
    }
}
