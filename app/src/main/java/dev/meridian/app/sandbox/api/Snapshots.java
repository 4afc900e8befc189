package dev.meridian.app.sandbox.api;

import dev.meridian.agent.tls.TlsStore;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a simulated server's objects in a file, so a sandbox restarted on its folder comes back
 * with what users and Meridian made in it (an installed agent included), not only its addresses.
 * Every stored change schedules one save a moment later; closing saves at once. A restore
 * writes the objects back into the empty store before the server takes requests.
 */
final class Snapshots {
    private static final long DELAY_MS = 250;
    /** Definitions before their resources, namespaces before what they hold. */
    private static final List<String> FIRST = List.of("CustomResourceDefinition", "Namespace");

    private final Vertx vertx;
    private final MockLink mock;
    private final Path file;
    private long pending = -1;

    Snapshots(Vertx vertx, MockLink mock, Path file) {
        this.vertx = vertx;
        this.mock = mock;
        this.file = file;
    }

    /** Writes the saved objects into the store; an unreadable file is set aside, never fatal. */
    void restore() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<Map<String, Object>> objects;
        try {
            objects = read();
        } catch (IOException | RuntimeException e) {
            setAside(e);
            return;
        }
        objects.sort(Comparator.comparingInt(o -> {
            int rank = FIRST.indexOf(String.valueOf(o.get("kind")));
            return rank < 0 ? FIRST.size() : rank;
        }));
        List<Object> definitions = objects.stream()
                .filter(o -> "CustomResourceDefinition".equals(o.get("kind")))
                .map(o -> (Object) o)
                .toList();
        List<ApiResources.Type> types = ApiResources.withDefinitions(Map.of("items", definitions));
        for (Map<String, Object> object : objects) {
            ApiPath collection = collectionOf(object, types);
            if (collection != null) {
                await(mock.send(HttpMethod.POST, collection.collectionPath(), withoutVersion(object)));
            }
        }
    }

    /** Schedules a save; changes within the delay share one. */
    synchronized void changed() {
        if (pending < 0) {
            pending = vertx.setTimer(DELAY_MS, id -> {
                synchronized (this) {
                    pending = -1;
                }
                save();
            });
        }
    }

    /** Saves now if a save is due: the last changes before closing are kept. */
    void flush() {
        boolean due;
        synchronized (this) {
            due = pending >= 0;
            if (due) {
                vertx.cancelTimer(pending);
                pending = -1;
            }
        }
        if (due) {
            await(save());
        }
    }

    private Future<Void> save() {
        return mock.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
                .compose(definitions -> {
                    List<ApiResources.Type> types =
                            ApiResources.withDefinitions(definitions.ok() ? definitions.object() : null);
                    List<Future<Reply>> lists = new ArrayList<>();
                    for (ApiResources.Type type : types) {
                        lists.add(mock.get(type.prefix() + "/" + type.plural()));
                    }
                    return Future.join(lists).transform(done -> {
                        List<Object> objects = new ArrayList<>();
                        for (int i = 0; i < lists.size(); i++) {
                            Reply reply = lists.get(i).result();
                            if (reply == null || !reply.ok()) {
                                continue;
                            }
                            ApiResources.Type type = types.get(i);
                            objects.addAll(Tree.items(reply.object(), type.groupVersion(), type.kind()));
                        }
                        return vertx.executeBlocking(() -> {
                            TlsStore.writeAtomically(file, Serialization.asJson(objects), true);
                            return null;
                        });
                    });
                });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> read() throws IOException {
        List<Object> items = Serialization.unmarshal(Files.readString(file), List.class);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object item : items) {
            objects.add(new LinkedHashMap<>((Map<String, Object>) item));
        }
        return objects;
    }

    private void setAside(Exception cause) {
        try {
            Files.move(
                    file,
                    file.resolveSibling(file.getFileName() + ".unreadable"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // the next save replaces it anyway
        }
        System.getLogger(Snapshots.class.getName())
                .log(
                        System.Logger.Level.WARNING,
                        "the sandbox's saved objects in " + file
                                + " could not be read and were set aside; starting empty: " + cause.getMessage());
    }

    /** Where an object is created: its type's collection in its namespace; null for a type not served. */
    private static ApiPath collectionOf(Map<String, Object> object, List<ApiResources.Type> types) {
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String kind = String.valueOf(object.get("kind"));
        String namespace = (String) Tree.map(object, "metadata").get("namespace");
        return types.stream()
                .filter(t -> t.groupVersion().equals(apiVersion) && t.kind().equals(kind))
                .findFirst()
                .map(t -> new ApiPath(
                        t.prefix(), t.groupVersion(), t.namespaced() ? namespace : null, t.plural(), null, null))
                .orElse(null);
    }

    private static Map<String, Object> withoutVersion(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        Map<String, Object> metadata = new LinkedHashMap<>(Tree.map(object, "metadata"));
        metadata.remove("resourceVersion");
        copy.put("metadata", metadata);
        return copy;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the sandbox's saved objects could not be written back: " + e.getMessage(), e);
        }
    }
}
