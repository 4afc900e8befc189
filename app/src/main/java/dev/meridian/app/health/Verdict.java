package dev.meridian.app.health;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of one probe: Up, Degraded (with reasons) or Down (with its cause). */
public sealed interface Verdict permits Verdict.Up, Verdict.Degraded, Verdict.Down {

    /** GET /healthz answered 200, fast enough, with a certificate that is not about to expire. */
    record Up() implements Verdict {
        @Override
        public String message() {
            return "Endpoint is up.";
        }
    }

    /** Answered 200 but something needs attention soon; never empty. */
    record Degraded(List<DegradedReason> reasons) implements Verdict {
        public Degraded {
            if (reasons == null || reasons.isEmpty()) {
                throw new IllegalArgumentException("a degraded verdict needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }

        @Override
        public String message() {
            return reasons.stream().map(DegradedReason::message).collect(Collectors.joining(" "));
        }
    }

    /** kubectl would fail against this endpoint; the cause says why. */
    record Down(DownCause cause) implements Verdict {
        public Down {
            if (cause == null) {
                throw new IllegalArgumentException("a down verdict needs a cause");
            }
        }

        @Override
        public String message() {
            return cause.message();
        }
    }

    /** User-facing text: what happened and what to do. */
    String message();

    /** "UP", "DEGRADED" or "DOWN", for tables, JSON and exit codes. */
    default String label() {
        if (this instanceof Up) {
            return "UP";
        }
        return this instanceof Degraded ? "DEGRADED" : "DOWN";
    }

    default boolean isUp() {
        return this instanceof Up;
    }

    default boolean isDown() {
        return this instanceof Down;
    }
}
