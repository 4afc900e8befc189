package dev.meridian.app.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import javafx.application.Application;

/** Applies the AtlantaFX theme chosen in the settings, for every window of the app. */
public final class Themes {
    private Themes() {}

    public static void apply(ThemeChoice choice) {
        Application.setUserAgentStylesheet(
                choice == ThemeChoice.DARK
                        ? new PrimerDark().getUserAgentStylesheetBSS()
                        : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
