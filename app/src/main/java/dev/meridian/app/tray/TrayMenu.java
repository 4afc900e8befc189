package dev.meridian.app.tray;

import dev.meridian.app.health.HealthSummary.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The tray's menu and icon as plain values, so that what the tray shows is tested without a display.
 *
 * @param currentCluster the cluster of the current kube context, when it is one of Meridian's
 * @param iconHealth the health the tray icon shows: the current cluster's, else unknown
 */
public record TrayMenu(List<Entry> entries, Optional<String> currentCluster, Verdict iconHealth, String tooltip) {

    public TrayMenu {
        entries = List.copyOf(entries);
    }

    /** What the user can do from the menu besides choosing a cluster. */
    public enum Command {
        BACK("Back to previous context"),
        PROBE_ALL("Probe all"),
        KEEP_RUNNING("Keep running when the window is closed"),
        OPEN("Open Meridian"),
        QUIT("Quit");

        private final String label;

        Command(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of the menu. */
    public sealed interface Entry {
        String label();
    }

    /** A disabled caption, e.g. a route group's title. */
    public record Caption(String label) implements Entry {}

    /**
     * Switches to a cluster's context; with spaces it is a submenu whose first item is the cluster itself.
     *
     * @param space the space to switch to, or null for the cluster's own context
     */
    public record Choice(String label, String cluster, String space, boolean checked, List<Choice> spaces)
            implements Entry {
        public Choice {
            spaces = List.copyOf(spaces);
        }

        public boolean hasSpaces() {
            return !spaces.isEmpty();
        }
    }

    /** @param checked for toggles such as {@link Command#KEEP_RUNNING}; null for plain actions */
    public record Action(Command command, boolean enabled, Boolean checked) implements Entry {
        @Override
        public String label() {
            return command.label();
        }
    }

    public record Separator() implements Entry {
        @Override
        public String label() {
            return "-";
        }
    }
}
