package dev.meridian.app.ui.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The tray's menu, opened as a user opens it: Xvfb has no system tray, so {@link #startTrayHost()} runs trayer (a
 * stand-alone freedesktop tray) before AWT looks for one, and {@link #menu} right-clicks the icon with xdotool and
 * grabs the screen around it. The menu is AWT's, drawn by the X server: a scene snapshot cannot see it.
 */
final class TrayShot {
    private static Process host;

    private TrayShot() {}

    /** Starts the tray host at the screen's top right; false when trayer is not installed. */
    static boolean startTrayHost() throws IOException, InterruptedException {
        try {
            host = new ProcessBuilder(
                            "trayer",
                            "--edge",
                            "top",
                            "--align",
                            "right",
                            "--widthtype",
                            "pixel",
                            "--width",
                            "40",
                            "--heighttype",
                            "pixel",
                            "--height",
                            "32",
                            "--SetDockType",
                            "false")
                    .inheritIO()
                    .start();
        } catch (IOException e) {
            System.out.println("no tray host (" + e.getMessage() + "): the tray's menu is not shot");
            return false;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::destroy));
        Thread.sleep(1500);
        return host.isAlive();
    }

    /** Opens the tray icon's menu and saves the screen's corner that holds the icon and the menu. */
    static void menu(Path file) throws IOException, InterruptedException {
        if (host == null || !host.isAlive()) {
            System.out.println("no tray host: skipping " + file);
            return;
        }
        Thread.sleep(3000); // the tray probes the new current cluster first
        Map<String, Integer> tray = geometry();
        int x = tray.get("X") + tray.get("WIDTH") / 2;
        int y = tray.get("Y") + tray.get("HEIGHT") / 2;
        Shots.run("xdotool", "mousemove", String.valueOf(x), String.valueOf(y), "click", "3");
        Shots.grabScreen("700x720+" + (x + 30 - 700) + "+0", file);
        Shots.run(
                "convert",
                file.toString(),
                "-trim",
                "+repage",
                "-bordercolor",
                "black",
                "-border",
                "12",
                file.toString());
        Shots.run("xdotool", "key", "Escape");
    }

    private static Map<String, Integer> geometry() throws IOException, InterruptedException {
        Process search = new ProcessBuilder(
                        "xdotool", "search", "--onlyvisible", "--class", "trayer", "getwindowgeometry", "--shell")
                .start();
        String shell = new String(search.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        search.waitFor();
        Map<String, Integer> values = new HashMap<>();
        for (String line : shell.split("\n")) {
            String[] pair = line.split("=", 2);
            if (pair.length == 2 && pair[1].matches("\\d+") && !values.containsKey(pair[0])) {
                values.put(pair[0], Integer.parseInt(pair[1]));
            }
        }
        if (!values.keySet().containsAll(java.util.List.of("X", "Y", "WIDTH", "HEIGHT"))) {
            throw new IOException("trayer's window not found: " + shell);
        }
        return values;
    }
}
