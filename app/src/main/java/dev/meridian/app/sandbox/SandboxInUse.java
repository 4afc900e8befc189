package dev.meridian.app.sandbox;

import dev.meridian.app.core.MeridianException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder already has a running sandbox. Front-ends decide: the app joins it, a second {@code meridian sandbox}
 * refuses (a conflict).
 */
public final class SandboxInUse extends MeridianException {
    private static final long serialVersionUID = 1L;

    private final transient Path directory;
    private final transient SandboxState running;

    SandboxInUse(Path directory, Optional<SandboxState> running) {
        super(
                Kind.CONFLICT,
                "A Meridian sandbox already runs in " + directory
                        + running.map(s -> " (" + s.describe() + ").")
                                .orElse(" (it is still starting; its details appear in "
                                        + directory.resolve(SandboxState.FILE) + " once it runs)."),
                null);
        this.directory = directory;
        this.running = running.orElse(null);
    }

    public Path directory() {
        return directory;
    }

    /** The running sandbox, empty while it is still starting. */
    public Optional<SandboxState> running() {
        return Optional.ofNullable(running);
    }
}
