package dev.meridian.agent.fuzz;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Where the fuzz cases' randomness comes from, and how long a run lasts. Each case draws from its
 * own generator, derived from the seed, its lane and its index, so case {@code h1-plain#412} is
 * the same bytes whether the run reached it after 2 seconds or after 20.
 *
 * <p>System properties: {@code meridian.fuzz.seed} (a long, decimal or 0x-hex; default
 * {@link #DEFAULT}), {@code meridian.fuzz.case} (comma-separated {@code lane#index}: run only
 * these), {@code meridian.fuzz.scale} (multiplies every lane's time budget, default 1).
 */
record FuzzSeed(long seed, Set<String> onlyCases, double scale) {
    static final long DEFAULT = 0x6D65726964L;

    static FuzzSeed fromSystemProperties() {
        String seed = System.getProperty("meridian.fuzz.seed", "").trim();
        String cases = System.getProperty("meridian.fuzz.case", "").trim();
        String scale = System.getProperty("meridian.fuzz.scale", "").trim();
        return new FuzzSeed(
                seed.isEmpty() ? DEFAULT : Long.decode(seed),
                cases.isEmpty()
                        ? Set.of()
                        : Arrays.stream(cases.split(",")).map(String::trim).collect(Collectors.toSet()),
                scale.isEmpty() ? 1.0 : Double.parseDouble(scale));
    }

    SplittableRandom random(String lane, long index) {
        return new SplittableRandom(mix(seed ^ mix(lane.hashCode()) ^ mix(index + 1)));
    }

    Duration budget(Duration base) {
        return Duration.ofMillis((long) (base.toMillis() * scale));
    }

    /** Whether this run replays chosen cases instead of running for a time budget. */
    boolean replaying() {
        return !onlyCases.isEmpty();
    }

    boolean selected(String lane, long index) {
        return onlyCases.contains(lane + "#" + index);
    }

    long highestSelected(String lane) {
        return onlyCases.stream()
                .filter(c -> c.startsWith(lane + "#"))
                .mapToLong(c -> Long.parseLong(c.substring(lane.length() + 1)))
                .max()
                .orElse(-1);
    }

    String replayHint(String lane, long index) {
        return "-Dmeridian.fuzz.seed=" + seed + " -Dmeridian.fuzz.case=" + lane + "#" + index;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
