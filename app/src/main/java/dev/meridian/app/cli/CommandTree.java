package dev.meridian.app.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code meridian} command tree, in one place and in the order help lists it, and the part of
 * it a command line needs. picocli builds a command's model from its annotations by reflection,
 * which costs a one-shot command more than its work; so only the commands on the path the
 * arguments name are built ({@code cluster use}: the root, {@code cluster} and {@code use}). A
 * command line that names no complete path (root help, a group's help, a typo to suggest for)
 * gets every command under the last one it names.
 */
final class CommandTree {
    /** The root's subcommands. */
    static final List<Class<? extends CliCommand>> TOP = List.of(
            ClusterCommand.class,
            SpaceCommand.class,
            UseCommand.class,
            ContextCommand.class,
            EndpointCommand.class,
            SandboxCommand.class,
            ProbeCommand.class,
            AgentCommand.class,
            PlaneCommand.class,
            CompletionCommand.class);

    /** Each group's subcommands. */
    static final Map<Class<? extends CliCommand>, List<Class<? extends CliCommand>>> GROUPS = groups();

    private static Map<Class<? extends CliCommand>, List<Class<? extends CliCommand>>> groups() {
        Map<Class<? extends CliCommand>, List<Class<? extends CliCommand>>> groups = new LinkedHashMap<>();
        groups.put(
                ClusterCommand.class,
                List.of(
                        ClusterListCommand.class,
                        ClusterUseCommand.class,
                        ClusterConnectCommand.class,
                        ClusterDisconnectCommand.class));
        groups.put(SpaceCommand.class, List.of(SpaceCommand.Use.class, SpaceCommand.Create.class));
        groups.put(ContextCommand.class, List.of(ContextCommand.ListContexts.class));
        groups.put(
                EndpointCommand.class,
                List.of(
                        EndpointShowCommand.class,
                        EndpointSetCommand.class,
                        EndpointClearCommand.class,
                        EndpointTrustCommand.class));
        groups.put(
                AgentCommand.class,
                List.of(
                        AgentCommand.Install.class,
                        AgentCommand.Status.class,
                        AgentCommand.Upgrade.class,
                        AgentCommand.Uninstall.class));
        groups.put(PlaneCommand.class, List.of(PlaneCommand.Install.class));
        return Map.copyOf(groups);
    }

    private CommandTree() {}

    /** Adds the whole tree under {@code root}. */
    static void addAll(CommandLine root) {
        TOP.forEach(type -> root.addSubcommand(withChildren(type, null)));
    }

    /** Adds under {@code root} the part of the tree {@code args} need. */
    static void addFor(CommandLine root, String... args) {
        if (isRootOnly(args)) {
            return;
        }
        List<String> words = words(args);
        Optional<Class<? extends CliCommand>> top = words.isEmpty() ? Optional.empty() : find(TOP, words.get(0));
        if (top.isEmpty() || top.get() == CompletionCommand.class) {
            // Root help, a typo (picocli suggests from all), or completion, which prints the whole tree.
            addAll(root);
            return;
        }
        String leaf = words.size() > 1 ? words.get(1) : null;
        root.addSubcommand(withChildren(top.get(), leaf));
    }

    /**
     * Whether the command {@code args} name makes TLS requests: all but {@code context}, {@code sandbox},
     * {@code completion}, {@code use -}, root help and version. Worth preparing TLS for while the rest starts.
     */
    static boolean talksToClusters(String... args) {
        List<String> words = words(args);
        if (words.isEmpty()) {
            return false;
        }
        Optional<Class<? extends CliCommand>> top = find(TOP, words.get(0));
        return top.isPresent()
                && top.get() != ContextCommand.class
                && top.get() != SandboxCommand.class
                && top.get() != CompletionCommand.class
                && !(top.get() == UseCommand.class
                        && words.size() > 1
                        && words.get(1).equals("-"));
    }

    /** A command with its subcommands: only {@code only} when it names one of them, else all. */
    private static CommandLine withChildren(Class<? extends CliCommand> type, String only) {
        CommandLine command = new CommandLine(type);
        List<Class<? extends CliCommand>> children = GROUPS.getOrDefault(type, List.of());
        Optional<Class<? extends CliCommand>> named = only == null ? Optional.empty() : find(children, only);
        for (Class<? extends CliCommand> child :
                named.map(List::<Class<? extends CliCommand>>of).orElse(children)) {
            command.addSubcommand(new CommandLine(child));
        }
        return command;
    }

    /** The words of a command line that may name commands (see {@link CommandWords}). */
    private static List<String> words(String... args) {
        return CommandWords.of(args).list();
    }

    /** {@code meridian --version} (or {@code -V}) alone: the root prints it, no subcommand is needed. */
    private static boolean isRootOnly(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private static Optional<Class<? extends CliCommand>> find(List<Class<? extends CliCommand>> types, String word) {
        for (Class<? extends CliCommand> type : types) {
            Command command = type.getAnnotation(Command.class);
            if (command.name().equals(word) || Arrays.asList(command.aliases()).contains(word)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
