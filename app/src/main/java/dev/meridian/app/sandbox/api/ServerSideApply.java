package dev.meridian.app.sandbox.api;

import dev.meridian.app.sandbox.api.ApplyTree.Comparison;
import dev.meridian.app.sandbox.api.ManagedFields.Entry;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply ({@code application/apply-patch+yaml}) as the API server does it with
 * structured-merge-diff: the applied configuration merges into the live object, the applier
 * comes to own exactly the fields it applied, fields it owned before and no longer applies are
 * removed unless another manager owns them, and changing a field another manager owns is a
 * conflict unless forced. Other writes are recorded with {@link #recordUpdate}, so later applies
 * see their ownership.
 */
public final class ServerSideApply {
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private static final List<String> NOT_APPLIED =
            List.of("managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink");

    private ServerSideApply() {}

    /**
     * Applies {@code applied} as {@code fieldManager}; the inputs are not changed.
     *
     * @param live the stored object, or null to create it
     * @param force take ownership of conflicting fields instead of failing
     * @throws ApplyConflict (409) when another manager owns a field this apply changes
     * @throws PatchException (400, 422) for an applied object without apiVersion, kind or name,
     *     or without a field manager
     */
    public static Map<String, Object> apply(
            Map<String, Object> live, Map<String, Object> applied, String fieldManager, boolean force, Instant now) {
        String apiVersion = requireIdentity(applied, fieldManager);
        String type = PatchMeta.rootType(apiVersion, (String) applied.get("kind"));
        Map<String, Object> config = configOf(applied);
        Map<String, Object> base = ManagedFields.withoutManagedFields(live == null ? Map.of() : live);
        List<Entry> entries = ManagedFields.read(live);
        Entry previous = entries.stream()
                .filter(e -> e.isFor(fieldManager, ManagedFields.APPLY, apiVersion))
                .findFirst()
                .orElse(null);
        entries.remove(previous);

        FieldSet applying = ApplyTree.fields(config, type).set();
        FieldSet owned = applying;
        for (Entry other : entries) {
            owned = owned.union(other.fields());
        }
        Map<String, Object> merged = ApplyTree.merge(base, config, type);
        if (previous != null) {
            ApplyTree.remove(merged, previous.fields().minus(owned), owned, type);
        }

        Comparison change = ApplyTree.compare(base, merged, type);
        FieldSet changed = change.modified().union(change.added());
        List<ApplyConflict.Conflict> conflicts = new ArrayList<>();
        for (Entry other : entries) {
            other.fields()
                    .intersect(changed)
                    .paths()
                    .forEach(path ->
                            conflicts.add(new ApplyConflict.Conflict(other.describe(), FieldSet.describe(path))));
        }
        if (!conflicts.isEmpty() && !force && !upgradesClientSideApply(fieldManager, base, conflicts, type)) {
            throw new ApplyConflict(conflicts);
        }
        List<Entry> result = new ArrayList<>();
        for (Entry other : entries) {
            result.add(other.withFields(other.fields().minus(changed).minus(change.removed())));
        }
        boolean objectChanged = !Json.same(base, merged);
        String time = previous == null || objectChanged ? ManagedFields.time(now) : previous.time();
        result.add(new Entry(fieldManager, ManagedFields.APPLY, apiVersion, time, applying));
        ManagedFields.write(merged, result);
        return merged;
    }

    /**
     * Records a non-apply write (create, update, patch) by {@code manager} as an Update entry:
     * it comes to own what it added or changed, and other managers lose those fields and any
     * field the write removed. Returns {@code after} with its managedFields set; inputs are not
     * changed.
     *
     * @param before the object before the write, or null for a create
     */
    public static Map<String, Object> recordUpdate(
            Map<String, Object> before, Map<String, Object> after, String manager, Instant now) {
        String apiVersion = String.valueOf(after.get("apiVersion"));
        String type = PatchMeta.rootType(apiVersion, (String) after.get("kind"));
        Map<String, Object> result = ManagedFields.withoutManagedFields(after);
        Map<String, Object> old = ManagedFields.withoutManagedFields(before == null ? Map.of() : before);
        Comparison change = ApplyTree.compare(old, result, type);
        FieldSet written = change.added().union(change.modified());

        List<Entry> entries = new ArrayList<>();
        FieldSet mine = written;
        // As the API server does: managedFields sent with the write replace the stored ones
        // (kubectl rewrites them when it moves an object from client-side to server-side apply).
        List<Entry> given = ManagedFields.read(after);
        for (Entry entry : given.isEmpty() ? ManagedFields.read(before) : given) {
            FieldSet kept = entry.fields().minus(written).minus(change.removed());
            if (entry.isFor(manager, ManagedFields.UPDATE, apiVersion) && !written.isEmpty()) {
                mine = mine.union(kept);
            } else {
                entries.add(entry.withFields(kept));
            }
        }
        if (!written.isEmpty()) {
            entries.add(new Entry(manager, ManagedFields.UPDATE, apiVersion, ManagedFields.time(now), mine));
        }
        ManagedFields.write(result, entries);
        return result;
    }

    /**
     * Whether {@code kubectl apply --server-side} may take over fields that client-side apply set,
     * as the API server allows: every conflicting field is one the last-applied annotation
     * holds with the live value, so the user applied it before, with {@code kubectl apply}.
     */
    private static boolean upgradesClientSideApply(
            String fieldManager, Map<String, Object> live, List<ApplyConflict.Conflict> conflicts, String type) {
        Map<String, Object> annotations =
                Json.asMap(Json.asMap(live.getOrDefault("metadata", Map.of())).get("annotations"));
        Object lastApplied = annotations == null ? null : annotations.get(LAST_APPLIED);
        if (!fieldManager.equals("kubectl") || !(lastApplied instanceof String text) || text.isBlank()) {
            return false;
        }
        Map<String, Object> previous;
        try {
            previous = Json.asMap(Serialization.unmarshal(text, Map.class));
        } catch (RuntimeException unreadable) {
            return false;
        }
        if (previous == null) {
            return false;
        }
        Comparison drift = ApplyTree.compare(previous, live, type);
        FieldSet allowed =
                ApplyTree.fields(previous, type).set().minus(drift.modified()).minus(drift.removed());
        Set<String> allowedPaths = new HashSet<>();
        allowed.paths().forEach(path -> allowedPaths.add(FieldSet.describe(path)));
        return conflicts.stream().allMatch(conflict -> allowedPaths.contains(conflict.field()));
    }

    private static String requireIdentity(Map<String, Object> applied, String fieldManager) {
        if (fieldManager == null || fieldManager.isBlank()) {
            throw PatchException.badRequest("A server-side apply needs a fieldManager query parameter.");
        }
        if (applied == null
                || !(applied.get("apiVersion") instanceof String apiVersion)
                || !(applied.get("kind") instanceof String)) {
            throw PatchException.invalid("The applied object needs apiVersion and kind.");
        }
        Map<String, Object> metadata = Json.asMap(applied.get("metadata"));
        if (metadata == null || !(metadata.get("name") instanceof String name) || name.isEmpty()) {
            throw PatchException.invalid("The applied object needs metadata.name.");
        }
        return apiVersion;
    }

    /** The applied object without what apply never sets: status and server-kept metadata. */
    private static Map<String, Object> configOf(Map<String, Object> applied) {
        Map<String, Object> config = Json.copyMap(applied);
        config.remove("status");
        Map<String, Object> metadata = Json.asMap(config.get("metadata"));
        NOT_APPLIED.forEach(metadata::remove);
        return config;
    }
}
