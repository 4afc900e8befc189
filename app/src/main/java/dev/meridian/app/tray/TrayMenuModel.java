package dev.meridian.app.tray;

import dev.meridian.app.health.HealthSummary.Verdict;
import dev.meridian.app.kubeconfig.ContextNames;
import dev.meridian.app.kubeconfig.Route;
import dev.meridian.app.tray.TrayMenu.Action;
import dev.meridian.app.tray.TrayMenu.Caption;
import dev.meridian.app.tray.TrayMenu.Choice;
import dev.meridian.app.tray.TrayMenu.Command;
import dev.meridian.app.tray.TrayMenu.Entry;
import dev.meridian.app.tray.TrayMenu.Separator;
import dev.meridian.app.tray.TrayState.TrayCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the tray menu from a {@link TrayState}: pure, so it is tested without a display. */
public final class TrayMenuModel {
    /** The label of a cluster's own context inside its spaces submenu. */
    public static final String WHOLE_CLUSTER = "Whole cluster";

    private TrayMenuModel() {}

    public static TrayMenu build(TrayState state) {
        Optional<String> current = state.currentContext();
        Optional<String> currentCluster = current.flatMap(ContextNames::clusterOf);
        List<Entry> entries = new ArrayList<>();
        if (state.planeContext().isEmpty()) {
            entries.add(new Caption("No management plane connected"));
        } else if (state.clusters().isEmpty()) {
            entries.add(new Caption(
                    "No connected clusters in " + state.planeContext().get()));
        } else {
            for (Route route : Route.values()) {
                addGroup(entries, route, state.clusters(), current);
            }
        }
        entries.add(new Separator());
        entries.add(new Action(Command.BACK, state.canGoBack(), null));
        entries.add(new Action(Command.PROBE_ALL, !state.clusters().isEmpty(), null));
        entries.add(new Separator());
        entries.add(new Action(Command.KEEP_RUNNING, true, state.keepRunning()));
        entries.add(new Action(Command.OPEN, true, null));
        entries.add(new Action(Command.QUIT, true, null));

        Optional<TrayCluster> shown = currentCluster.flatMap(name ->
                state.clusters().stream().filter(c -> c.name().equals(name)).findFirst());
        Verdict health = shown.map(TrayCluster::health).orElse(Verdict.UNKNOWN);
        return new TrayMenu(entries, shown.map(TrayCluster::name), health, tooltip(current, shown, health));
    }

    /**
     * The notification to show when the menu changes from {@code before} to {@code after}: only when
     * the current cluster stayed the same and its health changed.
     */
    public static Optional<String> healthChange(TrayMenu before, TrayMenu after) {
        if (before == null
                || after.currentCluster().isEmpty()
                || !after.currentCluster().equals(before.currentCluster())
                || before.iconHealth() == after.iconHealth()) {
            return Optional.empty();
        }
        return Optional.of(after.currentCluster().get() + " is now "
                + after.iconHealth().name().toLowerCase(Locale.ROOT) + " (was "
                + before.iconHealth().name().toLowerCase(Locale.ROOT) + ").");
    }

    /**
     * A cluster's health after its name, in the window's words ("Up", not the CLI table's "UP"): a mark in front of
     * the name read, beside a menu item's check box, like a second selection mark. Nothing until it was probed.
     */
    public static String healthSuffix(Verdict health) {
        return switch (health) {
            case UP -> " \u00B7 Up";
            case DEGRADED -> " \u00B7 Degraded";
            case DOWN -> " \u00B7 Down";
            case UNKNOWN -> "";
        };
    }

    public static String groupTitle(Route route) {
        return route.label();
    }

    private static void addGroup(
            List<Entry> entries, Route route, List<TrayCluster> clusters, Optional<String> current) {
        List<TrayCluster> members =
                clusters.stream().filter(c -> c.route() == route).toList();
        if (members.isEmpty()) {
            return;
        }
        entries.add(new Caption(groupTitle(route)));
        for (TrayCluster cluster : members) {
            entries.add(choice(cluster, current));
        }
    }

    private static Choice choice(TrayCluster cluster, Optional<String> current) {
        String label = cluster.name()
                + (cluster.title().equals(cluster.name()) ? "" : " (" + cluster.title() + ")")
                + healthSuffix(cluster.health());
        String own = ContextNames.forCluster(cluster.name());
        boolean inCluster = current.flatMap(ContextNames::clusterOf)
                .filter(cluster.name()::equals)
                .isPresent();
        List<Choice> spaces = new ArrayList<>();
        if (!cluster.spaces().isEmpty()) {
            spaces.add(new Choice(
                    WHOLE_CLUSTER,
                    cluster.name(),
                    null,
                    current.filter(own::equals).isPresent(),
                    List.of()));
            for (String space : cluster.spaces()) {
                boolean checked = current.filter(ContextNames.forSpace(space, cluster.name())::equals)
                        .isPresent();
                spaces.add(new Choice(space, cluster.name(), space, checked, List.of()));
            }
        }
        return new Choice(label, cluster.name(), null, inCluster, spaces);
    }

    private static String tooltip(Optional<String> current, Optional<TrayCluster> shown, Verdict health) {
        if (shown.isPresent()) {
            return "Meridian: " + current.get() + " (" + health.name().toLowerCase(Locale.ROOT) + ")";
        }
        return current.map(c -> "Meridian: " + c).orElse("Meridian: no current context");
    }
}
