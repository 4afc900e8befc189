package dev.meridian.app.testing;

import dev.meridian.app.contexts.GatewayLookup;
import dev.meridian.app.contexts.Switching;
import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.kubeconfig.KubeconfigLocations;
import dev.meridian.app.kubeconfig.KubeconfigService;
import dev.meridian.installer.manifest.PlaneManifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One starting kubeconfig and one fleet for the CLI, the window and the tray to switch in: a
 * cluster with a direct endpoint, one reached through the central gateway the plane records, and
 * a kubeconfig with a comment and a context of its own. Each front-end switches in a copy; {@link
 * #expected()} is what {@link Switching} itself writes for the same choices.
 */
public final class SwitchFixture implements AutoCloseable {
    /** The management context of the starting kubeconfig. */
    public static final String PLANE = "management";
    /** The clusters every front-end switches to, in this order: direct, then central. */
    public static final List<String> CHOICES = List.of("eu-west", "us-east");

    private final Path dir;
    private final MockManagementPlane plane = new MockManagementPlane();
    private final Path start;

    public SwitchFixture(Path dir) throws IOException {
        this.dir = dir;
        plane.addCluster(
                "eu-west",
                Map.of(
                        Annotations.ENDPOINT,
                        "eu.example.com:8443",
                        Annotations.CA_DATA,
                        TestCertificates.base64Pem(TestCertificates.validCa("eu-ca"))));
        plane.addCluster("us-east", Map.of());
        plane.client()
                .configMaps()
                .inNamespace(PlaneManifests.DEFAULT_NAMESPACE)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(PlaneManifests.GATEWAY_RECORD)
                        .endMetadata()
                        .withData(Map.of(
                                PlaneManifests.GATEWAY_URL_KEY,
                                "https://gateway.example.com:9443",
                                PlaneManifests.GATEWAY_CA_KEY,
                                TestCertificates.pem(TestCertificates.validCa("gateway-ca"))))
                        .build())
                .create();
        start = plane.writeKubeconfig(dir.resolve("start/config"));
        Files.writeString(start, "# kept by hand: Meridian must not lose this\n" + Files.readString(start));
    }

    public MockManagementPlane plane() {
        return plane;
    }

    /** A copy of the starting kubeconfig in a folder of its own ({@code <name>/config}, home {@code <name>/home}). */
    public Path copy(String name) {
        try {
            Path copy = Files.createDirectories(dir.resolve(name)).resolve("config");
            return Files.copy(start, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment a front-end switching in {@code copy} sees: {@code KUBECONFIG} names just that file. */
    public static Map<String, String> env(Path copy) {
        return Map.of("KUBECONFIG", copy.toString());
    }

    public static Path home(Path copy) {
        return copy.resolveSibling("home");
    }

    /** The kubeconfig engine over {@code copy}, as the window and the tray build it. */
    public static KubeconfigService kubeconfig(Path copy) {
        return new KubeconfigService(KubeconfigLocations.of(env(copy), home(copy)));
    }

    public List<ClusterInfo> clusters() {
        return new FleetService(plane.client(), Clock.systemUTC()).list();
    }

    public ClusterInfo cluster(String name) {
        return clusters().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The kubeconfig after {@link Switching} itself switched to each of {@link #CHOICES}, from the start. */
    public byte[] expected() throws IOException {
        Path copy = copy("expected");
        Switching switching = new Switching(kubeconfig(copy), GatewayLookup.through(plane.client()));
        for (String cluster : CHOICES) {
            switching.use(PLANE, cluster(cluster), null, Switching.SpaceMode.NONE);
        }
        return Files.readAllBytes(copy);
    }

    @Override
    public void close() {
        plane.close();
    }
}
