package dev.meridian.app.sandbox.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A server-side apply that would change fields another manager owns; nothing was written.
 * The message follows the API server's wording, which kubectl shows the user as is.
 */
public final class ApplyConflict extends PatchException {
    private static final long serialVersionUID = 1L;

    /**
     * One conflicting field.
     *
     * @param manager how the owner is named in messages: {@code "mgr"}, or for an update
     *     {@code "mgr" using apps/v1 at 2026-01-01T00:00:00Z}
     * @param field the field's path, such as {@code .spec.replicas}
     */
    public record Conflict(String manager, String field) {}

    private final List<Conflict> conflicts;

    ApplyConflict(List<Conflict> conflicts) {
        super(409, "Conflict", message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** Each conflicting field with its owner, for the {@code Status} causes. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    private static String message(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict only = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + only.manager() + ": " + only.field();
        }
        Map<String, List<String>> byManager = new TreeMap<>(conflicts.stream()
                .collect(Collectors.groupingBy(
                        Conflict::manager, Collectors.mapping(Conflict::field, Collectors.toList()))));
        StringBuilder text = new StringBuilder("Apply failed with " + conflicts.size() + " conflicts: ");
        String separator = "";
        for (Map.Entry<String, List<String>> entry : byManager.entrySet()) {
            text.append(separator)
                    .append("conflicts with ")
                    .append(entry.getKey())
                    .append(':');
            for (String field : entry.getValue()) {
                text.append("\n- ").append(field);
            }
            separator = "\n";
        }
        return text.toString();
    }
}
