package dev.meridian.app.cli;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.kubeconfig.CountingKubeconfig;
import dev.meridian.app.testing.MockManagementPlane;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A mock management plane with two clusters, eu-west (a direct, insecure endpoint) and us-east (the
 * central route), its kubeconfig (context {@code management}) in a test's home, and the CLI run in
 * process against it.
 */
final class TwoClusterPlane implements AutoCloseable {
    final MockManagementPlane plane;
    final Path home;
    final Path kubeconfig;

    TwoClusterPlane(Path home) throws Exception {
        this.home = home;
        this.plane = new MockManagementPlane();
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of());
        this.kubeconfig = plane.writeKubeconfig(home.resolve("config"));
    }

    /** The CLI with {@code KUBECONFIG} naming this plane's kubeconfig. */
    CliRun run(String... args) {
        return run(Map.of("KUBECONFIG", kubeconfig.toString()), args);
    }

    CliRun run(Map<String, String> env, String... args) {
        return run(new CountingKubeconfig(), env, args);
    }

    /** The CLI whose kubeconfig engines {@code counting} builds, so a test can count what they read. */
    CliRun run(CountingKubeconfig counting, String... args) {
        return run(counting, Map.of("KUBECONFIG", kubeconfig.toString()), args);
    }

    private CliRun run(CountingKubeconfig counting, Map<String, String> env, String... args) {
        CliEnvironment environment = new CliEnvironment(env, home, Clock.systemUTC(), counting::open);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        plane.close();
    }
}
