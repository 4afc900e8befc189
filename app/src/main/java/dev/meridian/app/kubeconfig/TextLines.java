package dev.meridian.app.kubeconfig;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A text's lines, each with its line break, without copying them: line {@code i} is made into a
 * string only when asked for. Scans of multi-megabyte kubeconfigs look at most lines only for
 * their indentation, on the text's characters.
 */
final class TextLines extends AbstractList<String> implements RandomAccess {
    private static final byte INDICATOR = 1;
    private static final byte QUOTE_OR_BRACKET = 2;
    /** What each ASCII character says about its line: {@code &*!|>} may start an anchor, alias, tag or block scalar. */
    private static final byte[] MARKS = new byte[128];

    static {
        for (char c : "&*!|>".toCharArray()) {
            MARKS[c] = INDICATOR;
        }
        for (char c : "\"'{}[]".toCharArray()) {
            MARKS[c] = QUOTE_OR_BRACKET;
        }
    }

    private final String text;
    private final int[] starts; // starts[i] is where line i begins; starts[size] is the text's length
    private final byte[] marks; // marks[i]: the MARKS of line i's characters, or-ed

    /**
     * Finds the lines and what they hold in one pass over the characters: on a multi-megabyte kubeconfig,
     * each further pass costs a cold CLI milliseconds.
     */
    TextLines(String text) {
        this.text = text;
        int length = text.length();
        int[] found = new int[Math.max(16, length / 32)];
        byte[] marked = new byte[found.length];
        int count = 0;
        int start = 0;
        byte mark = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (count + 2 > found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                    marked = Arrays.copyOf(marked, found.length);
                }
                marked[count] = mark;
                found[count++] = start;
                start = i + 1;
                mark = 0;
            } else if (c < 128) {
                mark |= MARKS[c];
            }
        }
        if (start < length) {
            if (count + 2 > found.length) {
                found = Arrays.copyOf(found, found.length + 2);
                marked = Arrays.copyOf(marked, found.length);
            }
            marked[count] = mark;
            found[count++] = start;
        }
        found[count] = length;
        this.starts = Arrays.copyOf(found, count + 1);
        this.marks = Arrays.copyOf(marked, count);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    /** Where line {@code i} starts in the text; the text's length for {@code i == size()}. */
    int offset(int i) {
        return starts[i];
    }

    /** Line {@code i} with its line break. */
    @Override
    public String get(int i) {
        return text.substring(starts[i], starts[i + 1]);
    }

    /** Line {@code i} without its line break. */
    String content(int i) {
        int end = starts[i + 1];
        if (end > starts[i] && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(starts[i], end);
    }

    /** How many spaces line {@code i} starts with. */
    int indent(int i) {
        int p = starts[i];
        int end = starts[i + 1];
        while (p < end && text.charAt(p) == ' ') {
            p++;
        }
        return p - starts[i];
    }

    /** Whether line {@code i} holds nothing but spaces, or a comment. */
    boolean isBlankOrComment(int i) {
        int p = starts[i] + indent(i);
        int end = starts[i + 1];
        return p >= end || text.charAt(p) == '\n' || text.charAt(p) == '#';
    }

    /** Whether line {@code i} holds a character that may start an anchor, alias, tag or block scalar ({@code &*!|>}). */
    boolean holdsIndicator(int i) {
        return (marks[i] & INDICATOR) != 0;
    }

    /** Whether line {@code i} holds a quote or a bracket. */
    boolean holdsQuoteOrBracket(int i) {
        return (marks[i] & QUOTE_OR_BRACKET) != 0;
    }

    /**
     * Whether line {@code i}'s quotes and brackets pair up on the line: an even number of each quote
     * character, and as many of each opening bracket as closing. A multi-line quoted or flow scalar, or
     * a broken one, does not.
     */
    boolean quotesAndBracketsPairUp(int i) {
        int doubles = 0;
        int singles = 0;
        int braces = 0;
        int brackets = 0;
        for (int p = starts[i]; p < starts[i + 1]; p++) {
            char c = text.charAt(p);
            if (c == '"' && (p == starts[i] || text.charAt(p - 1) != '\\')) {
                doubles++;
            } else if (c == '\'') {
                singles++;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            }
        }
        return doubles % 2 == 0 && singles % 2 == 0 && braces == 0 && brackets == 0;
    }
}
