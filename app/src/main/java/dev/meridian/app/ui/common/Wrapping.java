package dev.meridian.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Wrapping for labels that show URLs, paths and host names. A label breaks lines only at whitespace, so a word
 * longer than the line was cut wherever the line ended ("kubernetes/clust" then "er"); a zero-width space is not
 * whitespace to it, and a hair space shows as a gap. Here the label's text is broken into lines for its width by
 * this class: at spaces, and inside a long word after a slash or a dot.
 */
public final class Wrapping {
    private Wrapping() {}

    /**
     * Shows {@code text} in {@code label}, broken into lines that fit its width, again whenever the text, the width
     * or the font changes. The whole text stays the label's accessible text, for screen readers and tests.
     */
    public static void fit(Label label, ObservableStringValue text) {
        Text measure = new Text();
        Runnable update = () -> {
            String value = text.get();
            label.setAccessibleText(value);
            double width = label.getWidth() - label.snappedLeftInset() - label.snappedRightInset();
            label.setText(value == null || width <= 0 ? value : lines(value, width, label.getFont(), measure));
        };
        text.addListener((o, was, now) -> update.run());
        label.widthProperty().addListener((o, was, now) -> update.run());
        label.fontProperty().addListener((o, was, now) -> update.run());
        label.setWrapText(true);
        // The width comes from the parent, never from the text: a preferred width that followed the broken lines
        // would change the width, which breaks the lines again, and so on.
        label.setMinWidth(0);
        label.setPrefWidth(1);
        label.setMaxWidth(Double.MAX_VALUE);
        update.run();
    }

    /**
     * A distinguished name ("O=Meridian,CN=Meridian agent CA") with a space after each comma between its parts, so
     * a label can wrap it between them; a name already spaced is left as it is.
     */
    public static String spacedName(String name) {
        return name == null ? null : name.replaceAll(",(?! )", ", ");
    }

    /** {@code text} with line breaks, each line as wide as {@code width} at most where its words allow. */
    static String lines(String text, double width, Font font, Text measure) {
        measure.setFont(font);
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                boolean first = true;
                for (String piece : pieces(word)) {
                    String joint = first && !line.isEmpty() ? " " : "";
                    if (line.isEmpty() || widthOf(line + joint + piece, measure) <= width) {
                        line.append(joint).append(piece);
                    } else {
                        out.add(line.toString());
                        line.setLength(0);
                        line.append(piece);
                    }
                    first = false;
                }
            }
            out.add(line.toString());
        }
        return String.join("\n", out);
    }

    /** {@code word} cut after each slash or dot that more of the word follows: the places a URL may break. */
    static List<String> pieces(String word) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < word.length(); i++) {
            char c = word.charAt(i);
            if ((c == '/' || c == '.') && Character.isLetterOrDigit(word.charAt(i + 1))) {
                pieces.add(word.substring(start, i + 1));
                start = i + 1;
            }
        }
        pieces.add(word.substring(start));
        return pieces;
    }

    private static double widthOf(String text, Text measure) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
