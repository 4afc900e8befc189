package dev.meridian.app.ui.tools;

import static dev.meridian.app.ui.tools.Shots.onFx;
import static dev.meridian.app.ui.tools.Shots.select;
import static dev.meridian.app.ui.tools.Shots.shoot;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.kubeconfig.ContextConnection;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.ui.hooks.ContextActions;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.install.InstallLauncher;
import dev.meridian.app.ui.install.InstallServices;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import dev.meridian.app.ui.settings.Settings;
import dev.meridian.app.ui.settings.Settings.ThemeChoice;
import dev.meridian.app.ui.settings.SettingsStore;
import dev.meridian.app.ui.shell.DesktopEnvironment;
import dev.meridian.app.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Renders the screenshots the README shows, under stable names, into the directory given as the first argument
 * (default {@code target/screenshots}); run by {@code app/screenshots.sh} under Xvfb. Against a mock management plane
 * holding {@link DemoFleet}: the main window at three screen sizes in both themes, the detail pane of a direct, an
 * insecure and a central-only cluster, and the install wizard after a failure. Against the sandbox: a real install
 * from the wizard and the tray's menu ({@link SandboxShots}). With {@code --all} also the review set of
 * {@link ReviewShots}: the editor, dialogs and wizard steps.
 */
public final class Screenshots {
    /** The window sizes of the main window's pictures: a small laptop, a large laptop, a desktop screen. */
    static final List<int[]> SIZES = List.of(new int[] {1024, 640}, new int[] {1440, 900}, new int[] {1920, 1080});

    /** The cluster made current and selected in the main window's pictures: a direct endpoint with its own CA. */
    private static final String CURRENT = "eu-west-1";

    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Path out = Path.of(
                arguments.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("target/screenshots"));
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory("meridian-screenshots");
        boolean sandbox = !arguments.contains("--no-sandbox");
        if (sandbox) {
            TrayShot.startTrayHost();
        }
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        try {
            shootDemoFleet(temp, out, arguments.contains("--all"));
            if (sandbox) {
                SandboxShots.shoot(temp.resolve("sandbox"), out);
            }
        } finally {
            Platform.exit();
        }
        System.out.println("Screenshots written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private static void shootDemoFleet(Path temp, Path out, boolean all) throws Exception {
        try (MockManagementPlane plane = new MockManagementPlane()) {
            DemoFleet.populate(plane);
            Path kubeconfig = plane.writeKubeconfig(temp.resolve("kube/config"));
            for (ThemeChoice theme : ThemeChoice.values()) {
                String suffix = theme.name().toLowerCase();
                for (int[] size : SIZES) {
                    String name = size[0] + "x" + size[1];
                    MainWindow window = open(temp.resolve(suffix + "-" + name), kubeconfig, theme, size);
                    if (size == SIZES.get(0)) {
                        useCluster(window, CURRENT);
                    }
                    select(window, CURRENT);
                    Shots.awaitSpaces(window);
                    shoot(window, out.resolve("main-" + name + "-" + suffix + ".png"));
                    if (size == SIZES.get(1)) {
                        shootDetails(window, out, theme);
                    }
                    if (size == SIZES.get(SIZES.size() - 1)) {
                        // last: the failure rewrites the kubeconfig, which forgets the current context
                        if (all) {
                            ReviewShots.all(window, out, suffix);
                        }
                        InstallShots.failure(
                                window, plane, kubeconfig, out.resolve("wizard-failure-" + suffix + ".png"));
                    }
                    close(window);
                }
                if (all) {
                    ReviewShots.welcome(environment(temp.resolve(suffix + "-first-run"), kubeconfig), theme, out);
                }
            }
        }
    }

    /** "Use cluster", as a user would before looking around: the table then marks the current cluster. */
    private static void useCluster(MainWindow window, String cluster) throws Exception {
        select(window, cluster);
        Shots.fire(window.stage(), "#useCluster");
        Shots.waitFor(
                Duration.ofSeconds(30),
                () -> Shots.text(window.stage(), "#statusContext").contains("meridian_" + cluster));
        Shots.awaitNoNotifications(window);
    }

    /**
     * The detail pane, whole (its scroll pane's content at full height), of a direct endpoint with its own CA, an
     * insecure one and a central-only cluster.
     */
    private static void shootDetails(MainWindow window, Path out, ThemeChoice theme) throws Exception {
        String suffix = theme.name().toLowerCase();
        Map<String, String> clusters = theme == ThemeChoice.LIGHT
                ? Map.of("direct", "eu-west-1", "insecure", "us-west-2", "central", "us-east-1")
                : Map.of("direct", "eu-west-1");
        for (Map.Entry<String, String> cluster : new java.util.TreeMap<>(clusters).entrySet()) {
            select(window, cluster.getValue());
            Shots.awaitSpaces(window);
            Shots.shootNode(
                    window.stage(),
                    "#clusterDetail",
                    out.resolve("detail-" + cluster.getKey() + "-" + suffix + ".png"));
        }
    }

    static MainWindow open(Path dir, Path kubeconfig, ThemeChoice theme, int[] size) throws Exception {
        DesktopEnvironment env = environment(dir, kubeconfig);
        new SettingsStore(env.configDirectory())
                .save(Settings.defaults()
                        .withTheme(theme)
                        .withWindow(windowBounds(size))
                        .withPlaneContext("management"));
        MainWindow window = onFx(() -> MainWindow.open(new Stage(), env, services(env)));
        Shots.waitFor(
                Duration.ofSeconds(30),
                () -> onFx(() -> Shots.table(window).getItems().size() == 10));
        return window;
    }

    static Settings.WindowBounds windowBounds(int[] size) {
        return new Settings.WindowBounds(0, 0, size[0], size[1], false);
    }

    static DesktopEnvironment environment(Path dir, Path kubeconfig) {
        return new DesktopEnvironment(
                Map.of(
                        "KUBECONFIG",
                        kubeconfig.toString(),
                        "XDG_CONFIG_HOME",
                        dir.resolve("config").toString()),
                dir.resolve("home"),
                "Linux",
                Clock.systemUTC());
    }

    /** The demo fleet's parts: made-up health and spaces (its hosts do not exist), the real installer. */
    static DesktopServices services(DesktopEnvironment env) {
        KubeconfigContextActions real = new KubeconfigContextActions(env.kubeconfig());
        ContextActions contexts = new ContextActions() {
            @Override
            public String useCluster(ContextConnection plane, ClusterInfo cluster) {
                return real.useCluster(plane, cluster);
            }

            @Override
            public String useSpace(ContextConnection plane, ClusterInfo cluster, String space) {
                return real.useSpace(plane, cluster, space);
            }

            @Override
            public String createSpace(ContextConnection plane, ClusterInfo cluster, String space) {
                return real.createSpace(plane, cluster, space);
            }

            @Override
            public List<String> spaces(ContextConnection plane, ClusterInfo cluster) {
                return DemoFleet.spaces(cluster);
            }
        };
        return DesktopServices.none()
                .withHealth(DemoFleet::health)
                .withContexts(contexts)
                .withInstaller(new InstallLauncher(
                        env.kubeconfig()::contextNames,
                        InstallServices.desktop(
                                AgentInstallFlow.standard(env.clock()), env.kubeconfig(), env.clock())));
    }

    static void close(MainWindow window) {
        onFx(() -> {
            window.stage().hide();
            window.close();
            return null;
        });
    }
}
