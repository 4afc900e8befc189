package dev.meridian.app.ui.fleet;

import dev.meridian.app.core.MeridianException.InvalidInput;
import dev.meridian.app.fleet.CaBundle;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CA field holds: nothing, PEM text (from a file or pasted) or base64 of PEM (as in the
 * annotation or a kubeconfig). Reads it the way {@code EndpointChange.of} will, to show the result as
 * the user types.
 *
 * @param pem the text to pass as PEM, or null
 * @param base64 the text to pass as base64, or null
 * @param error why it cannot be used, or null
 * @param details subject, expiry and fingerprint of each certificate, as captioned lines; empty when there is none
 */
record CaInput(String pem, String base64, String error, List<Line> details) {
    /** One captioned line of the certificate's details: "Subject", "Expires" or "SHA-256" and its value. */
    record Line(String caption, String value) {}

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static CaInput read(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return new CaInput(null, null, null, List.of());
        }
        String value = text.strip();
        boolean isPem = value.contains("-----BEGIN");
        try {
            CaBundle bundle = isPem ? CaBundle.fromPemText(value) : CaBundle.fromBase64(value);
            List<String> problems = bundle.problemsAt(now);
            String error = problems.isEmpty() ? null : String.join("; ", problems) + ".";
            return new CaInput(isPem ? value : null, isPem ? null : value, error, describe(bundle, now));
        } catch (InvalidInput e) {
            return new CaInput(null, null, e.getMessage(), List.of());
        }
    }

    boolean isPresent() {
        return pem != null || base64 != null;
    }

    boolean isValid() {
        return error == null;
    }

    static List<Line> describe(CaBundle bundle, Instant now) {
        List<Line> lines = new ArrayList<>();
        for (CaBundle.Certificate c : bundle.certificates()) {
            long days = Duration.between(now, c.notAfter()).toDays();
            String expiry = c.isExpiredAt(now) ? "expired" : "in " + days + (days == 1 ? " day" : " days");
            lines.add(new Line("Subject", dev.meridian.app.ui.common.Wrapping.spacedName(c.subject())));
            lines.add(new Line("Expires", DATE.format(c.notAfter()) + " (" + expiry + ")"));
            // 32 bytes in rows of 8, so the fingerprint never wraps mid-byte in a narrow pane.
            String sha = c.sha256();
            List<String> rows = new ArrayList<>();
            for (int row = 0; row < 4; row++) {
                rows.add(sha.substring(row * 24, row * 24 + 23));
            }
            lines.add(new Line("SHA-256", String.join("\n", rows)));
        }
        return List.copyOf(lines);
    }
}
