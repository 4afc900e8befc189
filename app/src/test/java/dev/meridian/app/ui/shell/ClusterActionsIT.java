package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.ui.hooks.DesktopServices;
import dev.meridian.app.ui.integration.KubeconfigContextActions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The actions other modules plug in: they appear only when plugged in, and do what they say. */
class ClusterActionsIT extends GuiTestSupport {

    @Test
    void probeResultsFillTheHealthColumnAndTheUnhealthyCount() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com"));
        plane.addCluster("us-east", Map.of(Annotations.ENDPOINT, "us.example.com"));
        DesktopServices services = DesktopServices.none()
                .withHealth(cluster -> cluster.name().equals("eu-west")
                        ? new HealthSummary(
                                HealthSummary.Verdict.DEGRADED,
                                Optional.of(Duration.ofMillis(42)),
                                Optional.empty(),
                                "Certificate expires in 5 days.")
                        : new HealthSummary(
                                HealthSummary.Verdict.UP, Optional.of(Duration.ofMillis(7)), Optional.empty(), "Up."));
        openWindow(true, services);

        awaitCell("Degraded · 42 ms");
        awaitCell("Up · 7 ms");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#statusUnhealthy").equals("1 unhealthy"));
        assertThat(lookup("#probeAll").tryQuery()).isPresent();
        assertThat(lookup("#useCluster").tryQuery())
                .as("no kubeconfig module plugged in")
                .isEmpty();
    }

    @Test
    void aClusterWhoseEndpointChangesIsProbedAgain() throws Exception {
        plane.addCluster("ap-south", Map.of());
        openWindow(
                true,
                DesktopServices.none()
                        .withHealth(cluster -> new HealthSummary(
                                HealthSummary.Verdict.UP,
                                Optional.of(Duration.ofMillis(
                                        cluster.endpoint() instanceof dev.meridian.app.fleet.EndpointState.On ? 5 : 9)),
                                Optional.empty(),
                                "Up.")));
        awaitCell("Up · 9 ms");

        // What an install does at its end: the endpoint annotation is set.
        plane.client()
                .genericKubernetesResources(dev.meridian.app.fleet.FleetService.CLUSTERS)
                .withName("ap-south")
                .edit(r -> {
                    Map<String, String> annotations =
                            new java.util.HashMap<>(r.getMetadata().getAnnotations());
                    annotations.put(Annotations.ENDPOINT, "ap.example.com");
                    r.getMetadata().setAnnotations(annotations);
                    return r;
                });

        awaitCell("Up · 5 ms");
    }

    @Test
    void useClusterSwitchesTheKubeContextAsKubectlSeesIt() throws Exception {
        plane.addCluster("eu-west", Map.of());
        Path kubeconfig = Path.of(environment.env().get("KUBECONFIG"));
        openWindow(true, DesktopServices.none().withContexts(new KubeconfigContextActions(environment.kubeconfig())));

        clickCluster("eu-west");
        clickOn("#useCluster");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> kubectlCurrentContext(kubeconfig).contains("eu-west"));
        assertThat(kubectlCurrentContext(kubeconfig)).startsWith("meridian_");
        // The window shows which cluster the current context points at, as the tray does.
        await().atMost(Duration.ofSeconds(10)).until(() -> marked("eu-west"));
        assertThat(marked("us-east")).isFalse();
        assertThat(text("#statusContext")).isEqualTo("Context: meridian_eu-west");
    }

    @Test
    void theClusterTheCurrentContextPointsAtIsMarkedFromTheStart() throws Exception {
        plane.addCluster("eu-west", Map.of());
        plane.addCluster("us-east", Map.of());
        environment
                .kubeconfig()
                .writeAndSwitch(dev.meridian.app.kubeconfig.ContextSpec.of(
                        "us-east", null, null, environment.kubeconfig().managementAccess("management")));
        openWindow(true, DesktopServices.none());

        await().atMost(Duration.ofSeconds(10)).until(() -> marked("us-east"));
        assertThat(marked("eu-west")).isFalse();
        assertThat(text("#statusContext")).isEqualTo("Context: meridian_us-east");
    }

    @Test
    void anEndpointWhoseCertificateIsNotVerifiedIsFlaggedInTheTable() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com", Annotations.INSECURE, "true"));
        plane.addCluster("us-east", Map.of(Annotations.ENDPOINT, "us.example.com"));
        openWindow(true, DesktopServices.none());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> tlsCellClasses("Insecure").contains("tls-insecure"));
        assertThat(tlsCellClasses("System trust")).doesNotContain("tls-insecure");
    }

    @Test
    void atAnOrdinarySizeTheLeadingColumnsShowAndAScrollbarReachesTheRest() throws Exception {
        plane.addCluster("ap-south", Map.of(Annotations.ENDPOINT, "127.0.0.1:43481"));
        openWithEveryClusterUp();

        onFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(1024);
            stage.setHeight(640);
            return null;
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String header : List.of("Name", "Route", "Health")) {
                assertThat(headerInsideTable(header))
                        .as(header + " shows whole")
                        .isTrue();
            }
            assertThat(onFx(() -> table().lookupAll(".scroll-bar").stream()
                            .anyMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                                    && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL
                                    && bar.isVisible())))
                    .as("a horizontal scrollbar reaches the other columns")
                    .isTrue();
        });
        // The endpoint keeps its whole port rather than being cut to a wrong-looking one.
        awaitCell("127.0.0.1:43481");
    }

    @Test
    void aSmallFirstWindowKeepsTheWholeTopBarAndTheStatusBarOnScreen() throws Exception {
        // 898x535: a first run under a window manager on a 1600x1000 screen.
        plane.addCluster("ap-south", Map.of());
        openWithEveryClusterUp();
        clickCluster("ap-south");

        onFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(898);
            stage.setHeight(535);
            return null;
        });
        // The window manager keeps a window at least its minimum size: one larger than such a desktop
        // overhangs it and hides the status bar.
        assertThat(onFx(() -> stage.getMinWidth())).isLessThanOrEqualTo(898);
        assertThat(onFx(() -> stage.getMinHeight())).isLessThanOrEqualTo(535);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String id : List.of("#planePicker", "#probeAll", "#filter", "#themeSwitch", "#statusContext")) {
                assertThat(insideScene(id)).as(id + " wholly inside the window").isTrue();
            }
            assertThat(onFx(() -> lookup(".tool-bar-overflow-button").queryAll().stream()
                            .anyMatch(javafx.scene.Node::isVisible)))
                    .as("nothing goes into the toolbar's overflow")
                    .isFalse();
        });
    }

    /** Whether the node {@code query} finds is shown and lies wholly inside the window's scene. */
    private boolean insideScene(String query) throws Exception {
        return onFx(() -> lookup(query)
                .tryQuery()
                .filter(javafx.scene.Node::isVisible)
                .map(n -> {
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    javafx.scene.Scene scene = n.getScene();
                    return b.getWidth() > 0
                            && b.getMinX() >= -1
                            && b.getMinY() >= -1
                            && b.getMaxX() <= scene.getWidth() + 1
                            && b.getMaxY() <= scene.getHeight() + 1;
                })
                .orElse(false));
    }

    @Test
    void inAWideWindowALongDisplayNameIsShownWhole() throws Exception {
        io.fabric8.kubernetes.api.model.GenericKubernetesResource apSouth =
                dev.meridian.app.testing.MockManagementPlane.cluster("ap-south", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) apSouth.getAdditionalProperties().get("spec");
        spec.put("displayName", "Asia Pacific South production");
        plane.client()
                .genericKubernetesResources(dev.meridian.app.fleet.FleetService.CLUSTERS)
                .resource(apSouth)
                .create();
        plane.addCluster("eu-west", Map.of());
        openWithEveryClusterUp();
        onFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(1440);
            stage.setHeight(900);
            return null;
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                                && "Asia Pacific South production".equals(cell.getText())
                                && cell.lookup(".text") instanceof javafx.scene.text.Text shown
                                && shown.getText().equals(cell.getText()))
                        .tryQuery()
                        .isPresent()));
    }

    @Test
    void healthLeadsTheDetailPaneAndAnotherClusterOpensAtItsTop() throws Exception {
        plane.addCluster("eu-west", Map.of(Annotations.ENDPOINT, "eu.example.com"));
        plane.addCluster("us-east", Map.of());
        openWithEveryClusterUp();

        clickCluster("eu-west");
        await().atMost(Duration.ofSeconds(10)).until(() -> labelY("Health") >= 0 && labelY("Direct endpoint") >= 0);
        assertThat(labelY("Health")).as("Health above the endpoint editor").isLessThan(labelY("Direct endpoint"));

        onFx(() -> {
            ((javafx.scene.control.ScrollPane) lookup("#detailScroll").query()).setVvalue(1);
            return null;
        });
        clickCluster("us-east");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> onFx(() -> ((javafx.scene.control.ScrollPane)
                                        lookup("#detailScroll").query())
                                .getVvalue())
                        == 0);
    }

    /** Opens the window with health offered and every cluster up in 7 ms, once the table shows it. */
    private void openWithEveryClusterUp() throws Exception {
        openWindow(
                true,
                DesktopServices.none()
                        .withHealth(cluster -> new HealthSummary(
                                HealthSummary.Verdict.UP, Optional.of(Duration.ofMillis(7)), Optional.empty(), "Up.")));
        awaitCell("Up · 7 ms");
    }

    /** Where the detail pane's label {@code text} stands, in scene coordinates; -1 when it is not there. */
    private double labelY(String text) throws Exception {
        return onFx(() -> lookup(n -> n instanceof javafx.scene.control.Label label
                        && text.equals(label.getText())
                        && label.isVisible())
                .tryQuery()
                .map(n -> n.localToScene(n.getLayoutBounds()).getMinY())
                .orElse(-1.0));
    }

    /** Whether the column header titled {@code title} lies wholly inside the table's visible width. */
    private boolean headerInsideTable(String title) throws Exception {
        return onFx(() -> {
            javafx.geometry.Bounds tableBounds = table().localToScene(table().getLayoutBounds());
            return table().lookupAll(".column-header").stream()
                    .filter(n -> n.lookup(".label") instanceof javafx.scene.control.Label label
                            && title.equals(label.getText()))
                    .anyMatch(n -> {
                        javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                        return b.getMinX() >= tableBounds.getMinX() - 1 && b.getMaxX() <= tableBounds.getMaxX() + 1;
                    });
        });
    }

    /** The style classes of the TLS cell that says {@code text}; empty when there is none. */
    private java.util.List<String> tlsCellClasses(String text) throws Exception {
        return onFx(() -> lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getTableColumn() != null
                        && "TLS".equals(cell.getTableColumn().getText())
                        && text.equals(cell.getText()))
                .tryQuery()
                .map(n -> java.util.List.copyOf(n.getStyleClass()))
                .orElse(java.util.List.of()));
    }

    /** Whether the Name cell of {@code cluster} carries the current-context marker. */
    private boolean marked(String cluster) throws Exception {
        return onFx(() -> lookup(n -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                        && cell.getTableColumn() != null
                        && "Name".equals(cell.getTableColumn().getText())
                        && cluster.equals(cell.getText())
                        && cell.getGraphic() != null
                        && cell.getGraphic().getStyleClass().contains("current-marker"))
                .tryQuery()
                .isPresent());
    }

    private String kubectlCurrentContext(Path kubeconfig) throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve("kubectl-home"));
        ProcessBuilder builder = new ProcessBuilder(
                "/usr/bin/kubectl", "config", "current-context", "--kubeconfig", kubeconfig.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECACHEDIR", home.resolve("cache").toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }
}
