package dev.meridian.app.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.meridian.app.ui.hooks.HealthSource;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.shell.MainViewModel.Connection;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;

/** The bar at the top: the app's name, the plane picker, "Probe all" where health is offered, the filter, the theme. */
final class TopBar {
    private final MainViewModel model;
    private final HealthSource health;
    /** ControlsFX's search field: its clear button empties the filter with one click, shown only when it has text. */
    private final TextField filter = TextFields.createClearableTextField();

    private final ComboBox<String> planes = new ComboBox<>();

    TopBar(MainViewModel model, HealthSource health) {
        this.model = model;
        this.health = health;
    }

    Node createView() {
        ImageView icon = new ImageView(AppIcons.icon(24));
        Label name = new Label("Meridian");
        name.getStyleClass().addAll(Styles.TITLE_4, "app-name");
        HBox brand = new HBox(8, icon, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        Label planeLabel = new Label("Management plane");
        planeLabel.getStyleClass().add(Styles.TEXT_MUTED);

        // A row styled as a tool bar rather than a ToolBar: a ToolBar lays its items out at their preferred
        // widths and moves what does not fit into an overflow menu, so at 898 pixels the filter and the theme
        // switch went out of sight. Here the filter and the picker give way first, down to usable widths.
        HBox bar = new HBox(8, brand, new Spacer(8), planeLabel, planePicker());
        if (health.isOffered()) {
            bar.getChildren().add(probeAllButton());
        }
        bar.getChildren().addAll(new Spacer(), filterField(), new Spacer(4), themeSwitch());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("toolbar");
        for (Node item : bar.getChildren()) {
            if (item instanceof Region region && !(item instanceof Spacer) && item != planes && item != filter) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    /** The cluster filter, for the window to lead into the table and to focus with Ctrl+F. */
    TextField filter() {
        return filter;
    }

    private ComboBox<String> planePicker() {
        planes.setItems(model.contexts());
        planes.setId("planePicker");
        planes.setPromptText("Choose a kube context");
        planes.setPrefWidth(240);
        planes.setMinWidth(150);
        model.planeContextProperty().addListener((o, old, now) -> planes.setValue(now.isEmpty() ? null : now));
        // A first-run plane is connected to before the window is built.
        if (!model.planeContextProperty().get().isEmpty()) {
            planes.setValue(model.planeContextProperty().get());
        }
        planes.valueProperty().addListener((o, old, now) -> {
            if (now != null && !now.equals(model.planeContextProperty().get())) {
                model.connect(now);
            }
        });
        // Replacing the items (the contexts read again, a first run's sandbox adding its own) clears the shown
        // value when it was set before the list held it: show the plane that is connected again.
        // (The value may even stay while the shown text is lost: set it again once the skin has seen the change.)
        model.contexts().addListener((javafx.collections.ListChangeListener<String>) change -> Platform.runLater(() -> {
            String now = model.planeContextProperty().get();
            if (!now.isEmpty() && model.contexts().contains(now)) {
                planes.setValue(null);
                planes.setValue(now);
            }
        }));

        planes.setOnShowing(e -> model.reloadContexts());
        return planes;
    }

    private Button probeAllButton() {
        Button probe = new Button("Probe all");
        probe.setId("probeAll");
        probe.disableProperty().bind(model.connectionProperty().isNotEqualTo(Connection.CONNECTED));
        probe.setOnAction(e -> model.probeAll());
        return probe;
    }

    private TextField filterField() {
        filter.setId("filter");
        filter.setPromptText("Filter clusters  (Ctrl+F)");
        filter.setPrefWidth(280);
        filter.setMinWidth(120);
        filter.setMaxWidth(320);
        HBox.setHgrow(filter, javafx.scene.layout.Priority.SOMETIMES);
        filter.textProperty().bindBidirectional(model.fleet().filterTextProperty());
        filter.disableProperty().bind(model.connectionProperty().isEqualTo(Connection.NONE));
        return filter;
    }

    private ToggleSwitch themeSwitch() {
        ToggleSwitch dark = new ToggleSwitch("Dark");
        dark.setId("themeSwitch");
        dark.setSelected(model.settingsProperty().get().theme() == ThemeChoice.DARK);
        dark.selectedProperty().addListener((o, was, on) -> {
            ThemeChoice theme = on ? ThemeChoice.DARK : ThemeChoice.LIGHT;
            Themes.apply(theme);
            model.updateSettings(model.settingsProperty().get().withTheme(theme));
        });
        return dark;
    }
}
