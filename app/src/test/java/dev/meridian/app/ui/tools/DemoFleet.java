package dev.meridian.app.ui.tools;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.ClusterInfo;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.health.HealthSummary;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small, varied fleet for screenshots and demos: every route, TLS mode and status appears once. */
final class DemoFleet {
    private DemoFleet() {}

    static void populate(MockManagementPlane plane) {
        String ca = TestCertificates.base64Pem(TestCertificates.selfSignedCa(
                "eu-west-1 agent CA",
                Instant.now().minus(Duration.ofDays(30)),
                Instant.now().plus(Duration.ofDays(335))));
        add(
                plane,
                "eu-west-1",
                "Frankfurt production",
                "Initialized",
                "",
                Map.of(Annotations.ENDPOINT, "eu-west-1.agents.example.com", Annotations.CA_DATA, ca));
        add(
                plane,
                "eu-north-1",
                "Stockholm production",
                "Initialized",
                "",
                Map.of(Annotations.ENDPOINT, "eu-north-1.agents.example.com:8443"));
        add(plane, "us-east-1", "Virginia production", "Initialized", "", Map.of());
        add(
                plane,
                "us-west-2",
                "Oregon staging",
                "Initialized",
                "",
                Map.of(Annotations.ENDPOINT, "10.20.0.15:443", Annotations.INSECURE, "true"));
        add(plane, "ap-south-1", "Mumbai production", "Failed", "AgentNotReady", Map.of());
        add(plane, "ap-northeast-1", "Tokyo production", "Initialized", "", Map.of());
        add(plane, "sa-east-1", "Sao Paulo edge", "", "", Map.of());
        add(
                plane,
                "ca-central-1",
                "Montreal staging",
                "Initialized",
                "",
                Map.of(Annotations.ENDPOINT, "https://bad endpoint/"));
        add(plane, "dev-sandbox", "Developer sandbox", "Initialized", "", Map.of());
        add(
                plane,
                "me-central-1",
                "UAE production",
                "Initialized",
                "",
                Map.of(Annotations.ENDPOINT, "me-central-1.agents.example.com"));
    }

    /** Probe results that look like a real fleet's, without a network: for screenshots only. */
    static HealthSummary health(ClusterInfo cluster) {
        HealthSummary central = new HealthSummary(
                HealthSummary.Verdict.UP,
                Optional.of(Duration.ofMillis(112)),
                Optional.empty(),
                "Endpoint is up.",
                HealthSummary.Route.CENTRAL,
                "DNS 2 ms · connect 31 ms · TLS 48 ms · first byte 29 ms",
                "CN=gateway.example.com, issued by " + "CN=R11,O=Let's Encrypt,C=US",
                Optional.empty());
        if (!cluster.isDirect()) {
            return central;
        }
        int latency = 18 + Math.floorMod(cluster.name().hashCode(), 60);
        Instant expiry = Instant.now()
                .plus(Duration.ofDays(20 + Math.floorMod(cluster.name().hashCode(), 300)));
        if (cluster.name().startsWith("us-west")) {
            return new HealthSummary(
                            HealthSummary.Verdict.DEGRADED,
                            Optional.of(Duration.ofMillis(640)),
                            Optional.of(Instant.now().plus(Duration.ofDays(6))),
                            "Certificate expires in 6 days.",
                            HealthSummary.Route.DIRECT,
                            "DNS 0 ms · connect 210 ms · TLS 260 ms · first byte 170 ms",
                            "CN=10.20.0.15, issued by CN=10.20.0.15 (self-signed, not verified)",
                            Optional.empty())
                    .withCentral(central);
        }
        if (cluster.name().startsWith("me-")) {
            return new HealthSummary(
                            HealthSummary.Verdict.DOWN, Optional.empty(), Optional.empty(), "Connection refused.")
                    .withCentral(central);
        }
        return new HealthSummary(
                        HealthSummary.Verdict.UP,
                        Optional.of(Duration.ofMillis(latency)),
                        Optional.of(expiry),
                        "Endpoint is up.",
                        HealthSummary.Route.DIRECT,
                        "DNS 1 ms · connect " + latency / 4 + " ms · TLS " + latency / 2 + " ms · first byte "
                                + latency / 4 + " ms",
                        "CN=" + cluster.name() + ".agents.example.com, issued by CN=Meridian agent CA",
                        Optional.empty())
                .withCentral(central);
    }

    /** Spaces as a real cluster might have them, for screenshots only. */
    static List<String> spaces(ClusterInfo cluster) {
        return List.of("default", "kube-system", "payments", "search-staging", "team-data", "team-web");
    }

    private static void add(
            MockManagementPlane plane,
            String name,
            String displayName,
            String phase,
            String reason,
            Map<String, String> annotations) {
        GenericKubernetesResource cluster = MockManagementPlane.cluster(name, annotations);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) cluster.getAdditionalProperties().get("spec");
        spec.put("displayName", displayName);
        spec.put("description", displayName + " cluster, managed by the platform team.");
        cluster.setAdditionalProperty(
                "status",
                reason.isEmpty()
                        ? Map.of("phase", phase)
                        : Map.of(
                                "phase",
                                phase,
                                "reason",
                                reason,
                                "message",
                                "The agent has not reported for 10 minutes."));
        plane.client()
                .genericKubernetesResources(FleetService.CLUSTERS)
                .resource(cluster)
                .create();
    }
}
