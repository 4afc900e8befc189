package dev.meridian.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.testing.TestCertificates;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointEditorTest extends GuiTestSupport {

    @BeforeEach
    void openOnTwoClusters() throws Exception {
        plane.addCluster("eu-west", Map.of("owner", "platform-team"));
        plane.addCluster(
                "us-east",
                Map.of(Annotations.ENDPOINT, "agents-us-east-1.production.example.com", Annotations.INSECURE, "true"));
        openWindow();
        awaitShown(2);
    }

    private void typeHost(String value) {
        interact(() -> ((TextField) lookup("#endpointHost").query()).clear());
        clickOn("#endpointHost").write(value);
    }

    private boolean saveDisabled() {
        return onFx(() -> lookup("#endpointSave").queryAs(Button.class).isDisabled());
    }

    @Test
    void badHostValuesShowWhyAsYouTypeAndBlockSave() {
        clickCluster("eu-west");
        await().until(() -> "Cluster eu-west".equals(text("#detailTitle")));

        typeHost("ftp://eu.example.com");
        assertThat(text("#endpointHostMessage")).contains("scheme 'ftp://'");
        assertThat(saveDisabled()).isTrue();
        // The field itself is marked, its corner mark saying why.
        await().until(() -> markedWhy("scheme 'ftp://'"));
        assertThat(hostInDanger()).isTrue();

        typeHost("eu.example.com:99999");
        assertThat(text("#endpointHostMessage")).contains("a port is a number from 1 to 65535");
        assertThat(saveDisabled()).isTrue();

        typeHost("bad_host.example.com");
        assertThat(text("#endpointHostMessage")).contains("is not a valid DNS name");

        typeHost("eu.example.com/kubernetes");
        assertThat(text("#endpointHostMessage")).contains("contains a path");

        typeHost("eu.example.com:8443");
        assertThat(text("#endpointHostMessage")).contains("https://eu.example.com:8443/kubernetes/cluster");
        assertThat(saveDisabled()).isFalse();
        await().until(() -> !hostInDanger() && !markedWhy(""));
    }

    private boolean hostInDanger() {
        return onFx(() -> lookup("#endpointHost")
                .query()
                .getPseudoClassStates()
                .contains(atlantafx.base.theme.Styles.STATE_DANGER));
    }

    /** Whether a field carries an error mark whose tooltip contains {@code why}. */
    private boolean markedWhy(String why) {
        return onFx(() -> lookup(n -> n instanceof javafx.scene.control.Label label
                        && label.isVisible()
                        && label.getTooltip() != null
                        && label.getGraphic() instanceof javafx.scene.image.ImageView
                        && label.getTooltip().getText().contains(why))
                .tryQuery()
                .isPresent());
    }

    @Test
    void savingWritesTheAnnotationsAndKeepsTheOthers() {
        X509Certificate ca = TestCertificates.validCa("eu-west-agent-ca");
        clickCluster("eu-west");
        typeHost("https://eu.example.com:8443/kubernetes/cluster");
        assertThat(text("#endpointHostMessage")).contains("Normalised");
        interact(() -> ((TextArea) lookup("#endpointCa").query()).setText(TestCertificates.pem(ca)));
        await().until(() -> text("#endpointCaDetails").contains("CN=eu-west-agent-ca"));
        assertThat(text("#endpointCaDetails")).contains("SHA-256").contains("Expires");

        clickOn("#endpointSave");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#endpointStatus").startsWith("Saved."));
        Map<String, String> annotations = plane.read("eu-west").getMetadata().getAnnotations();
        assertThat(annotations)
                .containsEntry(Annotations.ENDPOINT, "eu.example.com:8443")
                .containsEntry("owner", "platform-team")
                .doesNotContainKey(Annotations.INSECURE);
        assertThat(annotations.get(Annotations.CA_DATA))
                .isEqualTo(java.util.Base64.getEncoder()
                        .encodeToString(
                                TestCertificates.pem(ca).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        awaitCell("eu.example.com:8443");
        assertThat(saveDisabled()).as("nothing left to save").isTrue();
    }

    @Test
    void anExpiredCaIsRefusedBeforeAnythingIsWritten() {
        X509Certificate expired = TestCertificates.selfSignedCa(
                "old-ca",
                Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        clickCluster("eu-west");
        typeHost("eu.example.com");
        interact(() -> ((TextArea) lookup("#endpointCa").query()).setText(TestCertificates.pem(expired)));

        await().until(() -> text("#endpointCaMessage").contains("expired"));
        assertThat(saveDisabled()).isTrue();
        assertThat(plane.read("eu-west").getMetadata().getAnnotations()).doesNotContainKey(Annotations.ENDPOINT);
    }

    @Test
    void aConflictingChangeIsReloadedAndTheUserIsTold() {
        clickCluster("eu-west");
        typeHost("mine.example.com");
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .withName("eu-west")
                .edit(r -> {
                    Map<String, String> annotations =
                            new HashMap<>(r.getMetadata().getAnnotations());
                    annotations.put(Annotations.ENDPOINT, "theirs.example.com");
                    r.getMetadata().setAnnotations(annotations);
                    return r;
                });
        awaitCell("theirs.example.com");

        clickOn("#endpointSave");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#endpointStatus").contains("changed by someone else"));
        assertThat(text("#endpointStatus")).contains("reloaded").contains("mine.example.com");
        assertThat(onFx(() -> ((TextField) lookup("#endpointHost").query()).getText()))
                .isEqualTo("theirs.example.com");
        assertThat(plane.read("eu-west").getMetadata().getAnnotations())
                .containsEntry(Annotations.ENDPOINT, "theirs.example.com");
    }

    @Test
    void clearRemovesTheEndpointAnnotations() {
        clickCluster("us-east");
        await().until(() -> "agents-us-east-1.production.example.com"
                .equals(onFx(() -> ((TextField) lookup("#endpointHost").query()).getText())));

        clickOn("#endpointClear");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> text("#endpointStatus").startsWith("Cleared."));
        assertThat(plane.read("us-east").getMetadata().getAnnotations())
                .doesNotContainKeys(Annotations.ENDPOINT, Annotations.INSECURE);
        await().until(() -> text("#statusDirect").equals("0 direct"));
    }

    @Test
    void inANarrowPaneTheEditorWrapsWholeWordsAndCutsNothing() {
        X509Certificate ca = TestCertificates.validCa("agents-eu-west-1.production.example.com");
        onFx(() -> {
            stage.setMaximized(false);
            stage.setWidth(900);
            return null;
        });
        clickCluster("us-east");
        await().until(() -> onFx(() -> lookup("#endpointInsecureWarning")
                .tryQuery()
                .map(javafx.scene.Node::isVisible)
                .orElse(false)));
        typeHost("agents-eu-west-1.production.example.com:8443");
        interact(() -> ((TextArea) lookup("#endpointCa").query()).setText(TestCertificates.pem(ca)));
        await().until(() -> text("#endpointCaDetails").contains("agents-eu-west-1.production.example.com"));

        assertThat(onFx(() -> lookup("#endpointHostMessage")
                        .queryAs(javafx.scene.control.Label.class)
                        .getFont()
                        .getSize()))
                .as("hint text is readable")
                .isGreaterThanOrEqualTo(12);
        // What a person reads in full: the switch, its warning, the host's hint and the CA's details.
        for (String query : List.of(
                "#endpointInsecure",
                "#endpointInsecureWarning",
                "#endpointHostMessage",
                "#endpointCaDetails",
                "#detailRouteUrl")) {
            for (javafx.scene.text.Text shown : shownTexts(query)) {
                String full = onFx(shown::getText);
                assertThat(full)
                        .as(query + " is not cut short")
                        .doesNotEndWith("…")
                        .doesNotEndWith("...");
                for (int start : lineStarts(shown)) {
                    assertThat(start == 0 || " /.\n".indexOf(full.charAt(start - 1)) >= 0)
                            .as(query + ": a line starts mid-word in \"" + full + "\" at " + start)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void revertLeavesThePaneWhereItWas() {
        onFx(() -> {
            stage.setMaximized(false);
            stage.setHeight(560);
            return null;
        });
        clickCluster("us-east");
        await().until(() -> "agents-us-east-1.production.example.com"
                .equals(onFx(() -> ((TextField) lookup("#endpointHost").query()).getText())));
        onFx(() -> {
            ((TextField) lookup("#endpointHost").query()).setText("mine.example.com");
            return null;
        });
        scrollDetailTo("#endpointRevert");
        double before = sceneY("#endpointRevert");

        clickOn("#endpointRevert");

        await().until(() -> "agents-us-east-1.production.example.com"
                .equals(onFx(() -> ((TextField) lookup("#endpointHost").query()).getText())));
        sleep(300);
        assertThat(sceneY("#endpointRevert"))
                .as("the Revert button stays under the pointer")
                .isEqualTo(before);
    }

    /** The text nodes that draw the labels {@code query} finds, or those inside it. */
    private List<javafx.scene.text.Text> shownTexts(String query) {
        return onFx(() -> lookup(query).query().lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text text
                        && !text.getText().isEmpty())
                .map(n -> (javafx.scene.text.Text) n)
                .toList());
    }

    /** Where each drawn line of {@code text} starts, as a character index. */
    private static List<Integer> lineStarts(javafx.scene.text.Text text) {
        return onFx(() -> {
            java.util.SortedSet<Integer> starts = new java.util.TreeSet<>();
            javafx.geometry.Bounds bounds = text.getLayoutBounds();
            for (double y = bounds.getMinY() + 2; y < bounds.getMaxY(); y += 2) {
                starts.add(text.hitTest(new javafx.geometry.Point2D(bounds.getMinX(), y))
                        .getInsertionIndex());
            }
            return List.copyOf(starts);
        });
    }
}
