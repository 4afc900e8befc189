package dev.meridian.app.cli;

import dev.meridian.app.kubeconfig.MeridianContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "context",
        mixinStandardHelpOptions = true,
        description = "Show the kube contexts Meridian wrote.",
        subcommands = {ContextCommand.ListContexts.class})
final class ContextCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            aliases = "ls",
            mixinStandardHelpOptions = true,
            description = "List Meridian's contexts with their cluster, space, route and server.")
    static final class ListContexts implements Runnable {
        @Option(
                names = {"-o", "--output"},
                defaultValue = "table",
                paramLabel = "FORMAT",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OutputFormat output;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            MeridianCommand root = MeridianCommand.of(spec);
            List<MeridianContext> contexts = root.kubeconfig().meridianContexts();
            if (output != OutputFormat.TABLE) {
                spec.commandLine()
                        .getOut()
                        .println(output.render(OutputFormat.list(contexts.stream()
                                .map(c -> {
                                    Map<String, Object> map = new LinkedHashMap<>();
                                    map.put("name", c.name());
                                    map.put("cluster", c.cluster());
                                    map.put("space", c.space());
                                    map.put("route", c.route().toString());
                                    map.put("server", c.server());
                                    map.put("namespace", c.namespace());
                                    map.put("current", c.current());
                                    return map;
                                })
                                .toList())));
                return;
            }
            if (contexts.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("No Meridian contexts yet. Write one with 'meridian cluster use CLUSTER'.");
                return;
            }
            Table table = new Table("CURRENT", "NAME", "CLUSTER", "SPACE", "ROUTE", "SERVER");
            for (MeridianContext c : contexts) {
                table.row(
                        c.current() ? "*" : "",
                        c.name(),
                        c.cluster(),
                        c.space() == null ? "-" : c.space(),
                        c.route().toString(),
                        c.server() == null ? "-" : c.server());
            }
            spec.commandLine().getOut().print(table.render());
        }
    }
}
