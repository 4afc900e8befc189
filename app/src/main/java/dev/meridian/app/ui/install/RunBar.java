package dev.meridian.app.ui.install;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Region;

/** The bar over a run's log: moving while it runs, full once it succeeded, stopped and red where it failed. */
final class RunBar {
    private RunBar() {}

    static ProgressBar of(FlowViewModel model) {
        ProgressBar bar = new ProgressBar();
        bar.setId("runBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        // On a short screen the log gives up its height, never the bar.
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(model.completionProperty());
        showFailed(bar, model.failedProperty().get());
        model.failedProperty().addListener((o, was, now) -> showFailed(bar, now));
        return bar;
    }

    private static void showFailed(ProgressBar bar, boolean failed) {
        if (failed && !bar.getStyleClass().contains(Styles.DANGER)) {
            bar.getStyleClass().add(Styles.DANGER);
        } else if (!failed) {
            bar.getStyleClass().remove(Styles.DANGER);
        }
    }
}
