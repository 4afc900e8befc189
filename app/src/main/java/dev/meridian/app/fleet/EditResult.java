package dev.meridian.app.fleet;

import java.util.List;

/** The cluster after an edit, and what the user should be told about it. */
public record EditResult(ClusterInfo cluster, List<String> notices) {
    public EditResult {
        notices = List.copyOf(notices);
    }
}
