package dev.meridian.installer.apply;

import dev.meridian.installer.InstallerException;
import java.time.Duration;

/**
 * Something the installer waits for did not happen within the timeout. Everything was applied
 * before the wait began, so running the operation again (or with a longer timeout) completes it.
 */
public class WaitTimeoutException extends InstallerException {

    private static final long serialVersionUID = 1L;

    private final String waitingFor;
    private final Duration timeout;

    public WaitTimeoutException(String waitingFor, Duration timeout, String hint, Throwable cause) {
        super(
                Failure.TIMED_OUT,
                "timed out after " + timeout.toSeconds() + "s waiting for " + waitingFor + ". " + hint,
                cause);
        this.waitingFor = waitingFor;
        this.timeout = timeout;
    }

    public String waitingFor() {
        return waitingFor;
    }

    public Duration timeout() {
        return timeout;
    }
}
