package dev.meridian.app.ui.fleet;

import dev.meridian.app.ui.fleet.ClusterColumns.Column;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widens text columns to their longest value, as a double click on a header divider does in a spreadsheet: a
 * fixed width cut "Asia Pacific South" to "Asia Pacific S…" while a wide window had room for it. A column grows past
 * neither a cap, beyond which its tooltip shows the rest, nor narrows again when a long value goes: columns do not
 * jump as clusters come and go.
 */
final class ColumnSizing {
    /** The widest a column grows to fit its values. */
    static final double MAX_WIDTH = 320;

    /** Room the cell takes around its text: padding, and the current-context marker before a name. */
    private static final double CELL_PADDING = 34;

    /** How many rows are measured: enough to find a fleet's long names without measuring ten thousand. */
    private static final int MEASURED_ROWS = 500;

    private ColumnSizing() {}

    /** Widens each of {@code columns} to the longest of its values in {@code rows}, once per burst of changes. */
    static void fitToValues(
            TableView<ClusterRow> table,
            ObservableList<ClusterRow> rows,
            Map<TableColumn<ClusterRow, String>, Column> columns) {
        Text measure = new Text();
        boolean[] pending = {false};
        Runnable fit = () -> {
            pending[0] = false;
            // The theme's text is 14 px; a name in bold (the current context's) is about a tenth wider.
            measure.setFont(Font.font(Font.getDefault().getFamily(), 14));
            List<ClusterRow> sample = rows.subList(0, Math.min(rows.size(), MEASURED_ROWS));
            columns.forEach((column, value) -> {
                double widest = 0;
                for (ClusterRow row : sample) {
                    measure.setText(row.text(value).get());
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                }
                double width =
                        Math.min(MAX_WIDTH, Math.max(column.getMinWidth(), Math.ceil(widest * 1.1 + CELL_PADDING)));
                if (width > column.getPrefWidth()) {
                    column.setPrefWidth(width);
                }
            });
        };
        rows.addListener((ListChangeListener<ClusterRow>) change -> {
            if (!pending[0]) {
                pending[0] = true;
                Platform.runLater(fit);
            }
        });
        fit.run();
    }
}
