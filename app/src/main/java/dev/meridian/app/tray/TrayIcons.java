package dev.meridian.app.tray;

import dev.meridian.app.health.HealthSummary.Verdict;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The tray icon for a health verdict, from the class path ({@code /icons/tray-<health>-<size>.png}). */
public final class TrayIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128};

    private TrayIcons() {}

    /** The file name's health word: {@code healthy}, {@code degraded}, {@code down} or {@code unknown}. */
    public static String healthWord(Verdict verdict) {
        return verdict == Verdict.UP ? "healthy" : verdict.name().toLowerCase(Locale.ROOT);
    }

    /** The smallest rendered size at least {@code wanted} pixels, so the tray scales down, never up. */
    public static int sizeFor(int wanted) {
        for (int size : SIZES) {
            if (size >= wanted) {
                return size;
            }
        }
        return SIZES[SIZES.length - 1];
    }

    public static String resource(Verdict verdict, int wanted) {
        return "/icons/tray-" + healthWord(verdict) + "-" + sizeFor(wanted) + ".png";
    }

    public static Image load(Verdict verdict, int wanted) {
        String name = resource(verdict, wanted);
        try (InputStream in = TrayIcons.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("tray icon " + name + " is missing from the class path");
            }
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tray icon " + name, e);
        }
    }
}
