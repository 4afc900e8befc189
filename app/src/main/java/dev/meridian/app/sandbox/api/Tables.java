package dev.meridian.app.sandbox.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Server-side printing, as the API server does for {@code kubectl get}: when the client asks
 * for a {@code meta.k8s.io/v1} Table, objects become rows with the columns kubectl shows for
 * that kind (READY, STATUS, RESTARTS, AGE for pods; READY, UP-TO-DATE, AVAILABLE for
 * Deployments …). Kinds without their own columns get NAME and AGE, as custom resources do.
 */
final class Tables {
    private record Column(String name, String type, int priority, Function<Map<String, Object>, Object> cell) {}

    private final Clock clock;

    Tables(Clock clock) {
        this.clock = clock;
    }

    /** True when the Accept header asks for a Table first. */
    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** The object or list as a Table, or null when it is neither. */
    Map<String, Object> of(ApiPath path, Map<String, Object> object) {
        if (object == null || "Status".equals(object.get("kind"))) {
            return null;
        }
        List<Object> items = object.containsKey("items") ? Tree.list(object, "items") : List.of(object);
        List<Column> columns = columns(path.resource());
        List<Object> rows = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> entry = Tree.map(item);
            List<Object> cells = new ArrayList<>();
            for (Column column : columns) {
                cells.add(column.cell().apply(entry));
            }
            rows.add(Map.of("cells", cells, "object", entry));
        }
        List<Object> definitions = new ArrayList<>();
        for (Column column : columns) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("name", column.name());
            definition.put("type", column.type());
            definition.put("format", column.name().equals("Name") ? "name" : "");
            definition.put("description", "");
            definition.put("priority", column.priority());
            definitions.add(definition);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        Map<String, Object> metadata = new LinkedHashMap<>();
        Object version = Tree.map(object, "metadata").get("resourceVersion");
        if (version != null) {
            metadata.put("resourceVersion", version);
        }
        table.put("metadata", metadata);
        table.put("columnDefinitions", definitions);
        table.put("rows", rows);
        return table;
    }

    private List<Column> columns(String resource) {
        Column name = text("Name", 0, o -> Tree.map(o, "metadata").get("name"));
        Column age = text("Age", 0, this::age);
        return switch (resource) {
            case "pods" ->
                List.of(
                        name,
                        text("Ready", 0, Tables::readyContainers),
                        text("Status", 0, o -> Tree.map(o, "status").getOrDefault("phase", "Pending")),
                        new Column("Restarts", "string", 0, o -> "0"),
                        age,
                        text("IP", 1, o -> Tree.map(o, "status").getOrDefault("podIP", "<none>")),
                        text("Node", 1, o -> Tree.map(o, "spec").getOrDefault("nodeName", "<none>")));
            case "deployments", "statefulsets", "replicasets" ->
                List.of(
                        name,
                        text(
                                "Ready",
                                0,
                                o -> count(o, "readyReplicas") + "/"
                                        + Tree.map(o, "spec").getOrDefault("replicas", 1)),
                        new Column("Up-to-date", "integer", 0, o -> count(o, "updatedReplicas")),
                        new Column("Available", "integer", 0, o -> count(o, "availableReplicas")),
                        age,
                        text("Containers", 1, o -> containers(o, "name")),
                        text("Images", 1, o -> containers(o, "image")));
            case "services" ->
                List.of(
                        name,
                        text("Type", 0, o -> Tree.map(o, "spec").getOrDefault("type", "ClusterIP")),
                        text("Cluster-IP", 0, o -> Tree.map(o, "spec").getOrDefault("clusterIP", "<none>")),
                        text("External-IP", 0, o -> "<none>"),
                        text("Port(s)", 0, Tables::servicePorts),
                        age);
            case "namespaces" ->
                List.of(name, text("Status", 0, o -> Tree.map(o, "status").getOrDefault("phase", "Active")), age);
            case "configmaps" ->
                List.of(
                        name,
                        new Column(
                                "Data", "integer", 0, o -> Tree.map(o, "data").size()),
                        age);
            case "secrets" ->
                List.of(
                        name,
                        text("Type", 0, o -> o.getOrDefault("type", "Opaque")),
                        new Column(
                                "Data", "integer", 0, o -> Tree.map(o, "data").size()),
                        age);
            default -> List.of(name, age);
        };
    }

    private static Column text(String name, int priority, Function<Map<String, Object>, Object> cell) {
        return new Column(name, "string", priority, o -> String.valueOf(cell.apply(o)));
    }

    private static Object count(Map<String, Object> object, String field) {
        return Tree.map(object, "status").getOrDefault(field, 0);
    }

    private static String readyContainers(Map<String, Object> pod) {
        List<Object> statuses = Tree.list(Tree.map(pod, "status"), "containerStatuses");
        long ready = statuses.stream()
                .filter(s -> Boolean.TRUE.equals(Tree.map(s).get("ready")))
                .count();
        return ready + "/" + Tree.list(Tree.map(pod, "spec"), "containers").size();
    }

    private static String containers(Map<String, Object> workload, String field) {
        List<String> values = new ArrayList<>();
        for (Object container :
                Tree.list(Tree.map(Tree.map(Tree.map(workload, "spec"), "template"), "spec"), "containers")) {
            values.add(String.valueOf(Tree.map(container).get(field)));
        }
        return String.join(",", values);
    }

    private static String servicePorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        for (Object port : Tree.list(Tree.map(service, "spec"), "ports")) {
            Map<String, Object> p = Tree.map(port);
            ports.add(p.get("port") + "/" + p.getOrDefault("protocol", "TCP"));
        }
        return ports.isEmpty() ? "<none>" : String.join(",", ports);
    }

    /** Age as kubectl prints it: 45s, 3m12s, 17m, 5h3m, 20h, 3d4h, 12d. */
    private String age(Map<String, Object> object) {
        Object created = Tree.map(object, "metadata").get("creationTimestamp");
        if (created == null) {
            return "<unknown>";
        }
        try {
            return human(Duration.between(Instant.parse(created.toString()), clock.instant()));
        } catch (DateTimeParseException e) {
            return "<unknown>";
        }
    }

    static String human(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 3600 % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        long days = hours / 24;
        if (days < 8) {
            return hours % 24 == 0 ? days + "d" : days + "d" + hours % 24 + "h";
        }
        return days + "d";
    }
}
