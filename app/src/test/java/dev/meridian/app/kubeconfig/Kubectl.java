package dev.meridian.app.kubeconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl, isolated: its own HOME and discovery cache, and a given KUBECONFIG. */
final class Kubectl {
    record Result(int exitCode, String stdout, String stderr) {}

    private final Path home;
    private final String kubeconfig;

    Kubectl(Path home, String kubeconfig) {
        this.home = home;
        this.kubeconfig = kubeconfig;
    }

    static Kubectl forFiles(Path home, List<Path> files) {
        return new Kubectl(
                home,
                String.join(
                        java.io.File.pathSeparator,
                        files.stream().map(Path::toString).toList()));
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/kubectl");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve("kubecache").toString());
        builder.environment().put("KUBECONFIG", kubeconfig);
        builder.environment().put("PATH", "/usr/bin:/bin");
        try {
            Path out = Files.createTempFile(home, "kubectl", ".out");
            Path err = Files.createTempFile(home, "kubectl", ".err");
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl did not finish: " + command);
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs and requires success; returns stdout. */
    String ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + result.stderr());
        }
        return result.stdout();
    }

    String currentContext() {
        return ok("config", "current-context").strip();
    }

    /** {@code kubectl config view --minify --raw -o json} for a context, as plain data. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> minified(String context) {
        String json = ok("config", "view", "--minify", "--raw", "-o", "json", "--context", context);
        return (java.util.Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(json);
    }
}
