package dev.meridian.app.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.meridian.app.kubeconfig.KubeconfigException;
import dev.meridian.app.sandbox.Sandbox;
import dev.meridian.app.sandbox.SandboxOptions;

/**
 * The sandbox as the desktop app's default plane: started when the user has no kubeconfig
 * context at all, with the app pointed at the sandbox's own kubeconfig (never the user's), so
 * contexts the app writes go there too.
 */
final class FirstRunSandbox implements AutoCloseable {
    /** Set in the app's environment when it runs on the first-run sandbox. */
    static final String MARKER = "MERIDIAN_FIRST_RUN_SANDBOX";

    private final Sandbox sandbox;
    private final DesktopEnvironment environment;

    private FirstRunSandbox(Sandbox sandbox, DesktopEnvironment environment) {
        this.sandbox = sandbox;
        this.environment = environment;
    }

    /** Null when the user has a management plane to pick from. */
    static FirstRunSandbox startIfNoPlane(DesktopEnvironment system) {
        if (hasAnyContext(system)) {
            return null;
        }
        Path directory = SandboxOptions.defaultDirectory(system.env(), system.home());
        Sandbox sandbox = Sandbox.start(new SandboxOptions(directory, SandboxOptions.DEFAULT_CLUSTERS, Map.of()));
        Map<String, String> env = new HashMap<>(system.env());
        env.put("KUBECONFIG", sandbox.kubeconfig().toString());
        env.put(MARKER, "true");
        return new FirstRunSandbox(sandbox, new DesktopEnvironment(env, system.home(), system.osName(), system.clock()));
    }

    private static boolean hasAnyContext(DesktopEnvironment system) {
        try {
            return !system.kubeconfig().contextNames().isEmpty();
        } catch (KubeconfigException e) {
            // A kubeconfig exists but cannot be read: let the app show that, rather than hide it behind a sandbox.
            return true;
        }
    }


    DesktopEnvironment environment() {
        return environment;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
