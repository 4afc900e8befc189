package dev.meridian.agent.fuzz;

/** Bytes as a Java string literal's content, long runs of one byte folded to {@code <'a' x 70000>}. */
final class Escape {
    private static final int FOLD = 24;
    private static final int MAX_CHARS = 4000;

    private Escape() {}

    static String bytes(byte[] b) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < b.length && out.length() < MAX_CHARS) {
            int run = 1;
            while (i + run < b.length && b[i + run] == b[i]) {
                run++;
            }
            if (run >= FOLD) {
                out.append("<'").append(one(b[i])).append("' x ").append(run).append('>');
                i += run;
            } else {
                out.append(one(b[i]));
                i++;
            }
        }
        if (i < b.length) {
            out.append("... (").append(b.length - i).append(" more bytes)");
        }
        return out.toString();
    }

    private static String one(byte x) {
        int c = x & 0xff;
        return switch (c) {
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c);
        };
    }
}
