package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.installer.InstallerException;
import dev.meridian.installer.apply.NotInstalledException;
import dev.meridian.installer.manifest.InvalidSpecException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The exit codes the CLI documents (README, {@code meridian --help}), and the one place that maps
 * errors to them: services throw kinds of {@link MeridianException}, never exit codes.
 */
final class ExitCodes implements IExitCodeExceptionMapper {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int INVALID = 2;
    static final int CONFLICT = 3;
    static final int UNREACHABLE = 4;
    static final int PROBE_NOT_UP = 5;
    /** An unexpected failure, a bug: like sysexits.h's EX_SOFTWARE, apart from the usage error. */
    static final int SOFTWARE = 70;

    static int of(MeridianException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND, INVALID, UNWRITABLE -> INVALID;
            case CONFLICT -> CONFLICT;
            case UNREACHABLE -> UNREACHABLE;
            case PROBE_NOT_UP -> PROBE_NOT_UP;
        };
    }

    @Override
    public int getExitCode(Throwable error) {
        if (error instanceof MeridianException m) {
            return of(m.kind());
        }
        if (error instanceof ParameterException) {
            return USAGE;
        }
        // The installer is a module of its own, below the app: its errors are mapped here too.
        if (error instanceof InvalidSpecException || error instanceof NotInstalledException) {
            return INVALID;
        }
        if (error instanceof InstallerException) {
            return UNREACHABLE;
        }
        return SOFTWARE;
    }

    /** Whether {@code error} is one we expect and explain, rather than a bug. */
    static boolean isExpected(Throwable error) {
        return error instanceof MeridianException || error instanceof InstallerException;
    }
}
