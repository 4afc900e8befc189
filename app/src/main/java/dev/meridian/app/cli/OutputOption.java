package dev.meridian.app.cli;

import picocli.CommandLine.Option;

/** {@code -o/--output}: how list and show commands print. */
final class OutputOption {
    @Option(
            names = {"-o", "--output"},
            defaultValue = "table",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean isTable() {
        return format == OutputFormat.TABLE;
    }

    String render(Object data) {
        return format.render(data);
    }
}
