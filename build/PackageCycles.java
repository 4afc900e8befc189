import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
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
 * cycle, or when ARCHITECTURE.md does not list exactly the module's packages. Run by the build in
 * verify: {@code java build/PackageCycles.java target/classes [ARCHITECTURE.md]}.
 *
 * <p>The package graph comes from {@code jdeps -verbose:package}; cycles are its strongly
 * connected components with more than one package. In ARCHITECTURE.md a module's packages are the
 * rows of the table whose header names the module's root package, e.g. {@code (`dev.meridian.app.…`)}.
 */
public final class PackageCycles {
    private static final Pattern ROW = Pattern.compile("^\\| (?:`([\\w.]+)`|\\(root\\)) \\|");
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.meridian\\.\\S+)\\s+->\\s+(dev\\.meridian\\.\\S+)");

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java build/PackageCycles.java CLASSES_FOLDER [ARCHITECTURE.md]");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        if (!Files.isDirectory(classes)) {
            System.err.println("No classes folder at " + classes.toAbsolutePath() + "; build the module first.");
            System.exit(2);
        }
        boolean documented = args.length < 2 || documented(classes, Path.of(args[1]));
        Map<String, Set<String>> graph = graph(classes);
        List<List<String>> cycles = new Cycles(graph).find();
        if (cycles.isEmpty()) {
            System.out.println("[package-cycles] " + graph.size() + " linked packages in " + classes + ", no cycle");
            if (!documented) {
                System.exit(1);
            }
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

    /** Whether the architecture file's table for this module names exactly the packages that hold classes. */
    private static boolean documented(Path classes, Path architecture) {
        Set<String> packages = new TreeSet<>();
        try (var files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .forEach(packages::add);
            String root = packages.stream()
                    .filter(p -> p.startsWith("dev.meridian"))
                    .min(Comparator.comparingInt(String::length))
                    .orElseThrow();
            Set<String> listed = listed(Files.readAllLines(architecture), root);
            Set<String> actual = new TreeSet<>();
            for (String p : packages) {
                if (p.equals(root)) {
                    actual.add("(root)");
                } else if (p.startsWith(root + ".")) {
                    actual.add(p.substring(root.length() + 1));
                }
            }
            if (listed.equals(actual)) {
                return true;
            }
            Set<String> missing = new TreeSet<>(actual);
            missing.removeAll(listed);
            Set<String> gone = new TreeSet<>(listed);
            gone.removeAll(actual);
            System.err.println("[package-cycles] " + architecture + " does not match the packages of " + root + ":");
            missing.forEach(p -> System.err.println("  not described: " + p));
            gone.forEach(p -> System.err.println("  described but absent: " + p));
            System.err.println("Add a row for each new package (one line: what it holds, what it uses); drop rows of"
                    + " packages that are gone.");
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> listed(List<String> lines, String root) {
        Set<String> listed = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("| package (`" + root + ".")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    listed.add(row.group(1) != null ? row.group(1) : "(root)");
                }
            }
        }
        return listed;
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
