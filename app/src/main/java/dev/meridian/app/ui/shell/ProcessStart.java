package dev.meridian.app.ui.shell;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** How long ago this process started, for the startup benchmark's reports ({@code app/benchmark.sh}). */
public final class ProcessStart {
    /** Linux's USER_HZ, the unit of a process's start time in /proc: 100 on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStart() {}

    /**
     * The time since this process started. On Linux from /proc/self/stat and /proc/uptime, to the hundredth of a
     * second: {@code ProcessHandle}'s start instant adds the boot time from /proc/stat, which is whole seconds cut
     * down, and so put the start up to a second early (0.59 s on the machine where issue 19 was measured).
     * Elsewhere from the JVM's own start time, which misses the few milliseconds before the JVM was created.
     */
    public static Duration elapsed() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may contain spaces, start at field 3; the start time is field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startSeconds = Long.parseLong(fields[22 - 3]) / TICKS_PER_SECOND;
            double uptimeSeconds =
                    Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Duration.ofMillis(Math.round((uptimeSeconds - startSeconds) * 1000));
        } catch (IOException | RuntimeException e) {
            return Duration.between(
                    Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), Instant.now());
        }
    }

    /** CPU time this process has used so far. */
    public static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
