package dev.meridian.app.ui.common;

/**
 * Text for labels that wrap. A label breaks lines at spaces; a word longer than the line, such as a URL, is cut
 * wherever the line ends ("kubernetes/clust" then "er"). Marking places after which a break is allowed keeps such
 * a word whole up to a slash or a dot.
 */
public final class Wrapping {
    /**
     * A hair space: a label breaks lines only at whitespace (a zero-width space is not whitespace to it and was
     * ignored), and this is the narrowest whitespace, a pixel or so where no break falls.
     */
    public static final char BREAK = '\u200A';

    private Wrapping() {}

    /**
     * {@code text} with a line break allowed after every slash and dot inside a word: between the parts of a URL,
     * a path or a host name.
     */
    public static String breakable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if ((c == '/' || c == '.') && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
                out.append(BREAK);
            }
        }
        return out.toString();
    }
}
