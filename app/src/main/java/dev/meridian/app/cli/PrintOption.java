package dev.meridian.app.cli;

import picocli.CommandLine.Option;

/** {@code --print}: the switching commands' dry run, which writes nothing and prints the fragment. */
final class PrintOption {
    @Option(names = "--print", description = "Write nothing; print the kubeconfig fragment instead.")
    boolean print;

    boolean requested() {
        return print;
    }
}
