package dev.meridian.app.sandbox.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code metadata.managedFields}: who owns which fields of an object, read and written. */
final class ManagedFields {
    static final String APPLY = "Apply";
    static final String UPDATE = "Update";

    /**
     * One manager's entry. Apply entries are one per manager; update entries one per manager
     * and API version, as the API server keeps them.
     */
    record Entry(String manager, String operation, String apiVersion, String time, FieldSet fields) {
        boolean isFor(String manager, String operation, String apiVersion) {
            return this.manager.equals(manager)
                    && this.operation.equals(operation)
                    && (operation.equals(APPLY) || this.apiVersion.equals(apiVersion));
        }

        Entry withFields(FieldSet fields) {
            return new Entry(manager, operation, apiVersion, time, fields);
        }

        /** The manager as conflicts name it: {@code "mgr"}, or {@code "mgr" using v1 at <time>} for updates. */
        String describe() {
            String quoted = Json.write(manager);
            return operation.equals(UPDATE) ? quoted + " using " + apiVersion + " at " + time : quoted;
        }
    }

    /** The API server sorts entries by operation, then time, then manager and version. */
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::operation)
            .thenComparing(Entry::time)
            .thenComparing(Entry::manager)
            .thenComparing(Entry::apiVersion);

    private ManagedFields() {}

    static List<Entry> read(Map<String, Object> object) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Object> metadata = object == null ? null : Json.asMap(object.get("metadata"));
        List<Object> raw = metadata == null ? null : Json.asList(metadata.get("managedFields"));
        if (raw == null) {
            return entries;
        }
        for (Object item : raw) {
            Map<String, Object> entry = Json.asMap(item);
            if (entry != null && entry.get("manager") instanceof String manager) {
                entries.add(new Entry(
                        manager,
                        String.valueOf(entry.getOrDefault("operation", UPDATE)),
                        String.valueOf(entry.getOrDefault("apiVersion", "")),
                        String.valueOf(entry.getOrDefault("time", "")),
                        FieldSet.fromFieldsV1(Json.asMap(entry.get("fieldsV1")))));
            }
        }
        return entries;
    }

    /** Writes the non-empty entries, sorted, into {@code object}'s metadata. */
    static void write(Map<String, Object> object, List<Entry> entries) {
        Map<String, Object> metadata = Json.asMap(object.get("metadata"));
        if (metadata == null) {
            metadata = new LinkedHashMap<>();
            object.put("metadata", metadata);
        }
        List<Object> out = new ArrayList<>();
        entries.stream().filter(e -> !e.fields().isEmpty()).sorted(ORDER).forEach(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("manager", e.manager());
            entry.put("operation", e.operation());
            entry.put("apiVersion", e.apiVersion());
            entry.put("time", e.time());
            entry.put("fieldsType", "FieldsV1");
            entry.put("fieldsV1", e.fields().toFieldsV1());
            out.add(entry);
        });
        if (out.isEmpty()) {
            metadata.remove("managedFields");
        } else {
            metadata.put("managedFields", out);
        }
    }

    /** RFC 3339 at whole seconds, as {@code metav1.Time} serialises. */
    static String time(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> withoutManagedFields(Map<String, Object> object) {
        Map<String, Object> out = Json.copyMap(object);
        Map<String, Object> metadata = Json.asMap(out.get("metadata"));
        if (metadata != null) {
            metadata.remove("managedFields");
        }
        return out;
    }
}
