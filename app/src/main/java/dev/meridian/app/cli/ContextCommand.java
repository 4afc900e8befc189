package dev.meridian.app.cli;

import dev.meridian.app.kubeconfig.MeridianContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "context", description = "Show the kube contexts Meridian wrote.")
final class ContextCommand extends GroupCommand {

    @Command(
            name = "list",
            aliases = "ls",
            description = "List Meridian's contexts with their cluster, space, route and server.")
    static final class ListContexts extends CliCommand {
        @Mixin
        OutputOption output;

        @Override
        public Integer call() {
            List<MeridianContext> contexts = root().kubeconfig().meridianContexts();
            if (!output.isTable()) {
                out().println(output.render(OutputFormat.list(contexts.stream()
                        .map(c -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            map.put("name", c.name());
                            map.put("cluster", c.cluster());
                            map.put("space", c.space());
                            map.put("route", c.route().label());
                            map.put("server", c.server());
                            map.put("namespace", c.namespace());
                            map.put("current", c.current());
                            return map;
                        })
                        .toList())));
                return ExitCodes.OK;
            }
            if (contexts.isEmpty()) {
                err().println("No Meridian contexts yet. Write one with 'meridian cluster use CLUSTER'.");
                return ExitCodes.OK;
            }
            Table table = new Table("CURRENT", "NAME", "CLUSTER", "SPACE", "ROUTE", "SERVER");
            for (MeridianContext c : contexts) {
                table.row(
                        c.current() ? "*" : "",
                        c.name(),
                        c.cluster(),
                        c.space() == null ? "-" : c.space(),
                        c.route().label(),
                        c.server() == null ? "-" : c.server());
            }
            out().print(table.render());
            return ExitCodes.OK;
        }
    }
}
