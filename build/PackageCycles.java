import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * Fails the build when the project's own packages in a classes folder depend on each other in a
 * cycle. Run by the build in verify: {@code java build/PackageCycles.java target/classes}.
 *
 * <p>The package graph comes from {@code jdeps -verbose:package}; cycles are its strongly
 * connected components with more than one package.
 */
public final class PackageCycles {
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.meridian\\.\\S+)\\s+->\\s+(dev\\.meridian\\.\\S+)");

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java build/PackageCycles.java CLASSES_FOLDER");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        if (!Files.isDirectory(classes)) {
            System.err.println("No classes folder at " + classes.toAbsolutePath() + "; build the module first.");
            System.exit(2);
        }
        Map<String, Set<String>> graph = graph(classes);
        List<List<String>> cycles = new Cycles(graph).find();
        if (cycles.isEmpty()) {
            System.out.println("[package-cycles] " + graph.size() + " packages in " + classes + ", no cycle");
            return;
        }
        System.err.println("[package-cycles] " + classes + ": packages that depend on each other in a cycle:");
        for (List<String> cycle : cycles) {
            System.err.println("  cycle of " + cycle.size() + ":");
            for (String from : cycle) {
                for (String to : graph.get(from)) {
                    if (cycle.contains(to)) {
                        System.err.println("    " + from + " -> " + to);
                    }
                }
            }
        }
        System.err.println("Break each cycle: move the shared type down into a package both can use.");
        System.exit(1);
    }

    private static Map<String, Set<String>> graph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is missing: run this with a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "-verbose:package",
                "-e",
                "dev\\.meridian\\..*",
                classes.toString());
        if (code != 0) {
            throw new IllegalStateException("jdeps failed (" + code + "): " + err);
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), k -> new TreeSet<>()).add(edge.group(2));
                graph.computeIfAbsent(edge.group(2), k -> new TreeSet<>());
            }
        }
        return graph;
    }

    /** Tarjan's strongly connected components, iterative enough for any package count here. */
    private static final class Cycles {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> found = new ArrayList<>();
        private int next;

        Cycles(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> find() {
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return found;
        }

        private void visit(String v) {
            index.put(v, next);
            low.put(v, next);
            next++;
            stack.push(v);
            onStack.add(v);
            for (String w : graph.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    component.sort(null);
                    found.add(component);
                }
            }
        }
    }
}
