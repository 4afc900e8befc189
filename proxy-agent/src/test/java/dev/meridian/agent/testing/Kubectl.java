package dev.meridian.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl with its own HOME, discovery cache and a kubeconfig pointing at the agent. */
public final class Kubectl {
    /** What one kubectl run printed. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed (" + exitCode + "): " + stderr + stdout);
            }
            return this;
        }
    }

    private final Path home;
    private final Path kubeconfig;

    public Kubectl(Path dir, String server, String caPem, String token) throws IOException {
        this.home = Files.createDirectories(dir.resolve("home"));
        this.kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: agent
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: user
                  user:
                    token: %s
                contexts:
                - name: agent
                  context:
                    cluster: agent
                    user: user
                current-context: agent
                """.formatted(
                        server, Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.UTF_8)), token));
    }

    public Result run(String... args) throws Exception {
        Process p = start(args);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl did not finish: " + String.join(" ", args));
        }
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    public Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
        pb.environment().remove("KUBECONFIG");
        return pb.start();
    }
}
