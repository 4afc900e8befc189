package dev.meridian.app.sandbox;

import dev.meridian.app.core.MeridianException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The ports a sandbox listens on, kept in its folder ({@code ports.properties}) so a restart comes back on the same
 * addresses and the contexts written before keep working. The first start takes any free ports and records them.
 */
final class SandboxPorts {
    static final String FILE = "ports.properties";

    private final Path file;
    private final Properties recorded = new Properties();

    private SandboxPorts(Path file) {
        this.file = file;
    }

    static SandboxPorts load(Path directory) {
        SandboxPorts ports = new SandboxPorts(directory.resolve(FILE));
        if (Files.isRegularFile(ports.file)) {
            try (Reader reader = Files.newBufferedReader(ports.file)) {
                ports.recorded.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the sandbox's ports in " + ports.file, e);
            }
        }
        return ports;
    }

    /** The port recorded for {@code key}, 0 (any) when none is. */
    int requested(String key) {
        try {
            return Integer.parseInt(recorded.getProperty(key, "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Starts a listener on the port recorded for {@code key} (any port when none is) and records the port it got.
     * When the recorded port is taken by something else, says so rather than how the listener failed.
     */
    <T> T bind(String key, IntFunction<T> start, ToIntFunction<T> portOf) {
        int port = requested(key);
        T started;
        try {
            started = start.apply(port);
        } catch (Exception e) { // Netty's bind failures are checked exceptions thrown undeclared
            if (port != 0 && !isFree(port)) {
                throw new MeridianException.Conflict(
                        "Port " + port + " (" + key + ") of the sandbox in " + file.getParent()
                                + " is taken by another program. Stop that program, or delete " + file
                                + " to start on new ports (then contexts written for the sandbox before need writing "
                                + "again).",
                        e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(key + " could not listen: " + e.getMessage(), e);
        }
        recorded.setProperty(key, Integer.toString(portOf.applyAsInt(started)));
        return started;
    }

    void save() {
        StringBuilder text =
                new StringBuilder("# Ports of the Meridian sandbox in this folder, kept across restarts\n");
        new TreeMap<>(recorded)
                .forEach(
                        (key, port) -> text.append(key).append('=').append(port).append('\n'));
        try {
            SandboxFiles.writeAtomically(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the sandbox's ports in " + file, e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
