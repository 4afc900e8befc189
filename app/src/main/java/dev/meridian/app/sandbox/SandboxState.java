package dev.meridian.app.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Who runs the sandbox of a folder, as it says in {@code sandbox.state} once it is up: enough for a second
 * sandbox to name it in its refusal, and for the app to join it. The file can outlive a killed sandbox; only the
 * folder's lock ({@link SandboxLock}) says whether it still runs.
 *
 * @param pid the process running the sandbox
 * @param managementServer the management plane's server URL, behind the gateway
 * @param kubeconfig the sandbox's own kubeconfig, with the context {@link Sandbox#CONTEXT}
 */
public record SandboxState(long pid, String managementServer, Path kubeconfig) {
    static final String FILE = "sandbox.state";

    /** The state a sandbox running in this process publishes. */
    static SandboxState ofThisProcess(String managementServer, Path kubeconfig) {
        return new SandboxState(ProcessHandle.current().pid(), managementServer, kubeconfig);
    }

    /** The state in {@code directory}, empty when there is none (yet) or it cannot be read. */
    public static Optional<SandboxState> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new SandboxState(
                    Long.parseLong(properties.getProperty("pid")),
                    properties.getProperty("management"),
                    Path.of(properties.getProperty("kubeconfig"))));
        } catch (IOException | RuntimeException e) {
            // Half written by a sandbox still starting, or not ours: a refusal without details is still right.
            return Optional.empty();
        }
    }

    void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("management", managementServer);
        properties.setProperty("kubeconfig", kubeconfig.toString());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "The Meridian sandbox running in this folder");
            SandboxFiles.writeAtomically(directory.resolve(FILE), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(FILE), e);
        }
    }

    /** For people: which process, where, and how to stop it. */
    public String describe() {
        return "pid " + pid + ", management plane " + managementServer + ", kubeconfig " + kubeconfig
                + "; stop it with Ctrl+C where it runs, or `kill " + pid + "`";
    }
}
