package dev.meridian.app.ui.fleet;

import atlantafx.base.theme.Styles;
import dev.meridian.app.health.CertificateInfo;
import dev.meridian.app.health.PresentedCa;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows the certificate an endpoint presented (subject, issuer, validity, SHA-256) and asks whether
 * to trust it. Nothing is trusted unless the user presses "Trust this certificate".
 */
public final class TrustDialog {
    static final ButtonType TRUST = new ButtonType("Trust this certificate", ButtonBar.ButtonData.OK_DONE);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private TrustDialog() {}

    /** Opens the dialog; calls {@code onTrusted} on the FX thread only if the user trusts the certificate. */
    public static void show(Window owner, String endpoint, PresentedCa presented, Instant now, Runnable onTrusted) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Trust the presented certificate");
        dialog.setHeaderText("Does " + endpoint + " present the certificate you expect?");
        dialog.getDialogPane().setContent(content(presented, now));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, TRUST);
        dialog.getDialogPane().lookupButton(TRUST).setId("trustConfirm");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("trustCancel");
        dialog.getDialogPane().setId("trustDialog");
        dialog.getDialogPane().setPrefWidth(600);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == TRUST) {
                onTrusted.run();
            }
        });
        dialog.show();
    }

    private static Node content(PresentedCa presented, Instant now) {
        CertificateInfo ca = presented.ca();
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        row = add(
                grid, row, "Subject", text("trustSubject", ca.subject() + (ca.selfSigned() ? "  (self-signed)" : "")));
        row = add(grid, row, "Issuer", text("trustIssuer", ca.issuer()));
        long days = Duration.between(now, ca.notAfter()).toDays();
        row = add(
                grid,
                row,
                "Valid until",
                text(
                        "trustNotAfter",
                        DATE.format(ca.notAfter())
                                + (ca.isExpiredAt(now)
                                        ? "  (expired)"
                                        : "  (in " + days + (days == 1 ? " day)" : " days)"))));
        Label sha = text("trustFingerprint", fingerprintRows(presented.sha256Fingerprint()));
        sha.getStyleClass().add("monospace");
        row = add(grid, row, "SHA-256", sha);
        add(
                grid,
                row,
                "Chain",
                text(
                        "trustChain",
                        presented.presentedChain().size() + " certificate"
                                + (presented.presentedChain().size() == 1 ? "" : "s")
                                + " presented; this one is trusted as the CA."));

        Label advice = new Label("Compare the fingerprint with the one the cluster's administrator gives you "
                + "(e.g. from 'openssl x509 -fingerprint -sha256'). Trusting fills in the CA field; Save stores it.");
        advice.setWrapText(true);
        advice.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(14, grid, advice);
        presented.remainingProblem().ifPresent(problem -> {
            Label warning = new Label("Even with this CA: " + problem.message());
            warning.setId("trustWarning");
            warning.setWrapText(true);
            warning.getStyleClass().add(Styles.WARNING);
            box.getChildren().add(1, warning);
        });
        box.setPadding(new Insets(16, 24, 8, 24));
        return box;
    }

    /** 32 bytes in two rows of 16, so the fingerprint never wraps mid-byte. */
    static String fingerprintRows(String sha) {
        return sha.length() < 95 ? sha : sha.substring(0, 47) + "\n" + sha.substring(48);
    }

    private static int add(GridPane grid, int row, String caption, Label value) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-label");
        GridPane.setValignment(label, VPos.TOP);
        grid.addRow(row, label, value);
        return row + 1;
    }

    private static Label text(String id, String value) {
        Label label = new Label(value);
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(440);
        return label;
    }
}
