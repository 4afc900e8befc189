package dev.meridian.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What raw arguments say before picocli has read them: the words that name commands (and their
 * first positional), and the global options {@code --kubeconfig}, {@code --context}, {@code -v}.
 * Words stop at the first other option, since a command's own options come after its name.
 * {@link CommandTree} builds the commands they name; {@link Prefetch} starts their reads.
 */
final class CommandWords {
    private final List<String> words = new ArrayList<>();
    private String kubeconfig;
    private String context;
    private boolean watch;

    private CommandWords() {}

    static CommandWords of(String... args) {
        CommandWords w = new CommandWords();
        boolean positional = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--kubeconfig") || arg.equals("--context")) && i + 1 < args.length) {
                if (arg.equals("--kubeconfig")) {
                    w.kubeconfig = args[++i];
                } else {
                    w.context = args[++i];
                }
            } else if (arg.startsWith("--kubeconfig=")) {
                w.kubeconfig = arg.substring("--kubeconfig=".length());
            } else if (arg.startsWith("--context=")) {
                w.context = arg.substring("--context=".length());
            } else if (arg.equals("-v") || arg.equals("--verbose")) {
                continue;
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                // A command's own option: the words before it are the command's.
                w.watch |= arg.equals("-w") || arg.equals("--watch");
                positional = false;
            } else if (positional && w.words.size() < 3) {
                w.words.add(arg);
            }
        }
        return w;
    }

    /** The words, at most three. */
    List<String> list() {
        return List.copyOf(words);
    }

    boolean is(String... prefix) {
        if (words.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!words.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return words.size();
    }

    String get(int i) {
        return words.get(i);
    }

    /** {@code --kubeconfig}'s value, or null. */
    String kubeconfig() {
        return kubeconfig;
    }

    /** {@code --context}'s value, or null. */
    String context() {
        return context;
    }

    /** Whether {@code -w} or {@code --watch} is among the options. */
    boolean watch() {
        return watch;
    }
}
