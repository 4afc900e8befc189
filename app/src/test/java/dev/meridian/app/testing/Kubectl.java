package dev.meridian.app.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl with its own home and discovery cache, and a time limit so a hang fails the test. */
public final class Kubectl {
    public static final String BINARY = "/usr/bin/kubectl";

    private final Path home;
    private final Path kubeconfig;

    public Kubectl(Path home, Path kubeconfig) {
        this.home = home;
        this.kubeconfig = kubeconfig;
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A kubectl that keeps running (a watch): its output so far, and stop. */
    public final class Running implements AutoCloseable {
        private final Process process;
        private final Path out;

        private Running(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        public String outSoFar() {
            try {
                return Files.readString(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Starts kubectl without waiting for it, for commands that run until stopped. */
    public Running start(String... args) {
        try {
            Files.createDirectories(home);
            Path out = Files.createTempFile(home, "kubectl", ".out");
            ProcessBuilder builder = builder(args).redirectOutput(out.toFile()).redirectErrorStream(false);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            return new Running(builder.start(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        }
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve(".kube-cache").toString());
        return builder;
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    public Result runWithInput(String stdin, String... args) {
        ProcessBuilder builder = builder(args);
        try {
            Files.createDirectories(home);
            Path out = Files.createTempFile(home, "kubectl", ".out");
            Path err = Files.createTempFile(home, "kubectl", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + args[0] + " did not finish within 60 s: it hangs");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
