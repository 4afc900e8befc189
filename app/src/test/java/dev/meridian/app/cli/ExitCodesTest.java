package dev.meridian.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.app.core.MeridianException;
import dev.meridian.app.core.MeridianException.Kind;
import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.installer.InstallerException;
import dev.meridian.installer.apply.NotInstalledException;
import dev.meridian.installer.manifest.InvalidSpecException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one mapping from errors to the exit codes the README documents. */
class ExitCodesTest {

    @TempDir
    Path home;

    static Stream<Arguments> errors() {
        Path file = Path.of("config");
        return Stream.of(
                Arguments.of("cluster not found", new MeridianException.NotFound("no such cluster"), 2),
                Arguments.of("invalid input", new MeridianException.InvalidInput("bad host"), 2),
                Arguments.of("stale resourceVersion", new MeridianException.Conflict("changed", null), 3),
                Arguments.of("plane unreachable", new MeridianException.ManagementPlane("refused", null), 4),
                Arguments.of("probe not up", new MeridianException(Kind.PROBE_NOT_UP, "down", null), 5),
                Arguments.of("kubeconfig unreadable", new KubeconfigException.Unreadable("yaml", file, null), 2),
                Arguments.of("kubeconfig unwritable", new KubeconfigException.Unwritable("ro", file, null), 2),
                Arguments.of("kubeconfig locked", new KubeconfigException.Locked("lock", file, null), 3),
                Arguments.of("kubeconfig changed", new KubeconfigException.Conflict("changed", file, null), 3),
                Arguments.of("context missing", new KubeconfigException.ContextNotFound("gone", "ctx", null), 2),
                Arguments.of(
                        "client certificate only",
                        new KubeconfigException.UnsupportedCredential("mtls", "user", file, null),
                        2),
                Arguments.of("installer: invalid spec", new InvalidSpecException("host", "x y", "not a host"), 2),
                Arguments.of("installer: not installed", new NotInstalledException("meridian-system"), 2),
                Arguments.of(
                        "installer: cluster refused",
                        new InstallerException(InstallerException.Failure.REFUSED, "forbidden"),
                        2),
                Arguments.of(
                        "installer: cluster unreachable",
                        new InstallerException(InstallerException.Failure.UNREACHABLE, "connection refused"),
                        4),
                Arguments.of(
                        "installer: conflict",
                        new InstallerException(InstallerException.Failure.CONFLICT, "changed"),
                        3),
                Arguments.of(
                        "installer: rollout timed out",
                        new InstallerException(InstallerException.Failure.TIMED_OUT, "timed out"),
                        4),
                Arguments.of("usage", new CommandLine.ParameterException(new CommandLine(new Empty()), "x"), 1),
                Arguments.of("a bug", new IllegalStateException("bug"), 70));
    }

    @ParameterizedTest(name = "{0} exits {2}")
    @MethodSource("errors")
    void mapsEachErrorToItsDocumentedExitCode(String name, Exception error, int exitCode) {
        assertThat(new ExitCodes().getExitCode(error)).as(name).isEqualTo(exitCode);
    }

    @ParameterizedTest
    @EnumSource(InstallerException.Failure.class)
    void everyInstallerFailureHasADocumentedExitCode(InstallerException.Failure failure) {
        assertThat(new ExitCodes().getExitCode(new InstallerException(failure, "x")))
                .isBetween(2, 4);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindHasAnExitCodeOtherThanUsageAndUnexpected(Kind kind) {
        assertThat(ExitCodes.of(kind)).isBetween(2, 5);
    }

    @Test
    void anUnexpectedFailureExits70NotTheUsageCode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cli.commandLine(
                new CliEnvironment(Map.of(), home, Clock.systemUTC()), new PrintWriter(out), new PrintWriter(err));
        commandLine.addSubcommand("boom", new Boom());
        // A subcommand added later does not inherit the writers: give them again.
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute("boom");

        assertThat(code).isEqualTo(70);
        assertThat(err.toString()).contains("[error] Unexpected failure: java.lang.IllegalStateException: bug");
    }

    @Command(name = "empty")
    static final class Empty {}

    @Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("bug");
        }
    }
}
