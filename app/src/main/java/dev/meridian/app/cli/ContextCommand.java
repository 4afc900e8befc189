package dev.meridian.app.cli;

import dev.meridian.app.kubeconfig.MeridianContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "context",
        mixinStandardHelpOptions = true,
        description = "Show the kube contexts Meridian wrote.",
        subcommands = {ContextCommand.ListContexts.class})
final class ContextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    @Command(
            name = "list",
            aliases = "ls",
            mixinStandardHelpOptions = true,
            description = "List Meridian's contexts with their cluster, space, route and server.")
    static final class ListContexts implements Callable<Integer> {
        @Mixin
        OutputOption output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            MeridianCommand root = MeridianCommand.of(spec);
            List<MeridianContext> contexts = root.kubeconfig().meridianContexts();
            if (!output.isTable()) {
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
                return ExitCodes.OK;
            }
            if (contexts.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("No Meridian contexts yet. Write one with 'meridian cluster use CLUSTER'.");
                return ExitCodes.OK;
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
            return ExitCodes.OK;
        }
    }
}
