package dev.meridian.app.kubeconfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * A separate writer process for {@link CrashSafetyTest}: switches one Meridian context back
 * and forth between two routes, forever, printing a line after each completed write.
 * Arguments: the kubeconfig file, the home folder.
 */
public final class KubeconfigWriterMain {
    private KubeconfigWriterMain() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Path home = Path.of(args[1]);
        KubeconfigService service =
                new KubeconfigService(KubeconfigLocations.of(Map.of("KUBECONFIG", file.toString()), home));
        ManagementAccess access = service.managementAccess("mgmt");
        for (long i = 0; ; i++) {
            service.writeAndSwitch(spec(i % 2 == 0, access));
            System.out.println("wrote " + i);
            System.out.flush();
        }
    }

    static ContextSpec spec(boolean first, ManagementAccess access) {
        return first
                ? ContextSpec.of("eu-1", new DirectEndpoint("eu-1.example.com", false, "Y2E="), "team-a", access)
                : ContextSpec.of("eu-1", null, "team-a", access);
    }
}
