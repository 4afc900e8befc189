package dev.meridian.app.ui.fleet;

import dev.meridian.app.fleet.ClusterInfo;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filter box's rule: every word typed must appear (case-insensitively) in the cluster's name,
 * display name, endpoint host, route, phase or labels.
 */
final class ClusterFilter {
    private ClusterFilter() {}

    static Predicate<ClusterRow> of(String text) {
        if (text == null || text.isBlank()) {
            return row -> true;
        }
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return row -> {
            String haystack = haystack(row.info());
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String haystack(ClusterInfo c) {
        StringBuilder s = new StringBuilder(128);
        s.append(c.name())
                .append(' ')
                .append(c.displayName())
                .append(' ')
                .append(ClusterColumns.route(c))
                .append(' ')
                .append(ClusterColumns.endpointHost(c))
                .append(' ')
                .append(ClusterColumns.status(c))
                .append(' ');
        c.labels().forEach((k, v) -> s.append(k).append('=').append(v).append(' '));
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
