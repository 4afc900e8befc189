package dev.meridian.app.ui.install;

import java.util.ArrayList;
import java.util.List;

/**
 * A failed run's error as log lines: the message, then each cause that says something the lines before it did
 * not. The wizard's result says the failure once in plain words; the log keeps the particulars an admin looks for
 * (issue 19: a failed install left the log empty).
 */
final class FailureLog {
    private FailureLog() {}

    static List<String> lines(Throwable error) {
        List<String> lines = new ArrayList<>();
        lines.add("Failed: " + message(error));
        String said = lines.get(0);
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String message = message(cause);
            if (!said.contains(message)) {
                lines.add("Cause: " + cause.getClass().getSimpleName() + ": " + message);
                said = said + "\n" + message;
            }
        }
        return List.copyOf(lines);
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip();
    }
}
