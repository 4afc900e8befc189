package dev.meridian.app.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns separated by three spaces, as kubectl prints them. */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int[] widths = widths();
        StringBuilder out = new StringBuilder(line(headers, widths));
        for (List<String> row : rows) {
            out.append(line(row, widths));
        }
        return out.toString();
    }

    /** The width of each column: its widest cell, header included. */
    int[] widths() {
        int[] widths = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    /** One row laid out in the given widths (a longer cell pushes the rest right), with its line break. */
    static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            line.append(row.get(i));
            if (i < row.size() - 1) {
                line.append(" ".repeat(Math.max(0, widths[i] - row.get(i).length()) + 3));
            }
        }
        return line.toString().stripTrailing() + '\n';
    }
}
