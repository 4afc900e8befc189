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
    private final String text;
    private final char[] chars;
    private final int[] starts; // starts[i] is where line i begins; starts[size] is the text's length

    TextLines(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        int[] found = new int[Math.max(16, chars.length / 32)];
        int count = 0;
        int start = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == '\n') {
                if (count + 2 > found.length) {
                    found = Arrays.copyOf(found, found.length * 2);
                }
                found[count++] = start;
                start = i + 1;
            }
        }
        if (start < chars.length) {
            if (count + 2 > found.length) {
                found = Arrays.copyOf(found, found.length + 2);
            }
            found[count++] = start;
        }
        found[count] = chars.length;
        this.starts = Arrays.copyOf(found, count + 1);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    /** Line {@code i} with its line break. */
    @Override
    public String get(int i) {
        return text.substring(starts[i], starts[i + 1]);
    }

    /** Line {@code i} without its line break. */
    String content(int i) {
        int end = starts[i + 1];
        if (end > starts[i] && chars[end - 1] == '\n') {
            end--;
        }
        return text.substring(starts[i], end);
    }

    /** How many spaces line {@code i} starts with. */
    int indent(int i) {
        int p = starts[i];
        int end = starts[i + 1];
        while (p < end && chars[p] == ' ') {
            p++;
        }
        return p - starts[i];
    }

    /** Whether line {@code i} holds nothing but spaces, or a comment. */
    boolean isBlankOrComment(int i) {
        int p = starts[i] + indent(i);
        int end = starts[i + 1];
        return p >= end || chars[p] == '\n' || chars[p] == '#';
    }

    /** Whether line {@code i} holds a character that may start an anchor, alias, tag or block scalar ({@code &*!|>}). */
    boolean hasIndicator(int i) {
        return hasIndicator(starts[i], starts[i + 1]);
    }

    /** Whether the whole text holds one of {@code &*!|>}. */
    boolean anyIndicator() {
        return hasIndicator(0, chars.length);
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
            char c = chars[p];
            if (c == '"' && (p == starts[i] || chars[p - 1] != '\\')) {
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

    /** Whether the whole text holds a quote or a bracket. */
    boolean anyQuoteOrBracket() {
        for (char c : chars) {
            if (c == '"' || c == '\'' || c == '{' || c == '}' || c == '[' || c == ']') {
                return true;
            }
        }
        return false;
    }

    private boolean hasIndicator(int from, int to) {
        for (int p = from; p < to; p++) {
            char c = chars[p];
            if (c == '&' || c == '*' || c == '!' || c == '|' || c == '>') {
                return true;
            }
        }
        return false;
    }
}
