package dev.meridian.app.cli;

import dev.meridian.app.core.MeridianException;
import dev.meridian.installer.InstallerException;
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
        // The installer is a module of its own, below the app: its errors say their kind, mapped here too.
        if (error instanceof InstallerException i) {
            return of(kindOf(i.failure()));
        }
        return SOFTWARE;
    }

    /**
     * A cluster that answered and refused (403, 415, 422...) is a refusal of what was asked, like invalid
     * input, not a plane out of reach: the user must change the request or their rights, not retry.
     */
    static MeridianException.Kind kindOf(InstallerException.Failure failure) {
        return switch (failure) {
            case INVALID, NOT_INSTALLED, REFUSED -> MeridianException.Kind.INVALID;
            case CONFLICT -> MeridianException.Kind.CONFLICT;
            case UNREACHABLE, TIMED_OUT, INTERRUPTED -> MeridianException.Kind.UNREACHABLE;
        };
    }

    /** Whether {@code error} is one we expect and explain, rather than a bug. */
    static boolean isExpected(Throwable error) {
        return error instanceof MeridianException || error instanceof InstallerException;
    }
}
