package dev.meridian.app.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a virtual X display ({@code Xvfb}) on {@code $DISPLAY} and the {@code trayer} tray host in it,
 * before the test class touches AWT or JavaFX, and stops both afterwards. Missing programs, a
 * missing {@code DISPLAY} or a display already in use fail the test: a tray test that skips proves
 * nothing.
 */
public final class XvfbTrayHost implements BeforeAllCallback, AfterAllCallback {
    private Process xvfb;
    private Process trayer;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            startDisplayAndTrayHost();
        } catch (Exception | AssertionError e) {
            // Nothing has connected to the display yet, so it can go at once.
            stop(trayer);
            stop(xvfb);
            throw e;
        }
    }

    private void startDisplayAndTrayHost() throws Exception {
        String display = System.getenv("DISPLAY");
        if (display == null || !display.matches(":\\d+")) {
            throw new AssertionError("The tray test needs DISPLAY=:<n> in its environment (the 'tray-display' "
                    + "surefire execution sets it); it is " + display);
        }
        Path logs = Files.createDirectories(Path.of("target", "xvfb"));
        // -terminate: the server exits once its last client, this JVM, disconnects. Killing it while
        // AWT and GTK are still connected would make Xlib end the JVM before it reports the results.
        xvfb = start(
                logs,
                "xvfb",
                List.of(
                        require(System.getProperty("tray.host.xvfb", "/usr/bin/Xvfb"), "xvfb"),
                        display,
                        "-screen",
                        "0",
                        "1280x1024x24",
                        "-nolisten",
                        "tcp",
                        "-terminate"),
                display);
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        await("Xvfb serving " + display)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!xvfb.isAlive()) {
                        throw new AssertionError("Xvfb exited: " + Files.readString(logs.resolve("xvfb.log")));
                    }
                    return Files.exists(socket);
                });
        require("/usr/bin/xwininfo", "x11-utils");
        trayer = start(
                logs,
                "trayer",
                List.of(
                        require(System.getProperty("tray.host.trayer", "/usr/bin/trayer"), "trayer"),
                        "--edge",
                        "top",
                        "--align",
                        "right",
                        "--widthtype",
                        "pixel",
                        "--width",
                        "200",
                        "--height",
                        "24"),
                display);
        await("trayer's panel on " + display)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!trayer.isAlive()) {
                        throw new AssertionError("trayer exited: " + Files.readString(logs.resolve("trayer.log")));
                    }
                    return run(display, "/usr/bin/xwininfo", "-root", "-tree")
                            .out()
                            .contains("(\"panel\" \"trayer\")");
                });
    }

    /** Stops the tray host; Xvfb follows when this JVM, its last client, exits. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop(trayer);
    }

    private static String require(String program, String debianPackage) {
        if (!Files.isExecutable(Path.of(program))) {
            throw new AssertionError(
                    program + " is missing: install the Debian package '" + debianPackage + "' (.ci/run does).");
        }
        return program;
    }

    private static Process start(Path logs, String name, List<String> command, String display) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("DISPLAY", display);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    record Output(int exitCode, String out) {}

    static Output run(String display, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Output(-1, "");
        }
        return new Output(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
