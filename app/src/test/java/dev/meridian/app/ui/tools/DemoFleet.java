package dev.meridian.app.ui.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.meridian.app.fleet.Annotations;
import dev.meridian.app.fleet.FleetService;
import dev.meridian.app.testing.MockManagementPlane;
import dev.meridian.app.testing.TestCertificates;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** A small, varied fleet for screenshots and demos: every route, TLS mode and status appears once. */
final class DemoFleet {
    private DemoFleet() {
    }

    static void populate(MockManagementPlane plane) {
        String ca = TestCertificates.base64Pem(TestCertificates.selfSignedCa("eu-west-1 agent CA",
                Instant.now().minus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(335))));
        add(plane, "eu-west-1", "Frankfurt production", "Initialized", "",
                Map.of(Annotations.ENDPOINT, "eu-west-1.agents.example.com", Annotations.CA_DATA, ca));
        add(plane, "eu-north-1", "Stockholm production", "Initialized", "",
                Map.of(Annotations.ENDPOINT, "eu-north-1.agents.example.com:8443"));
        add(plane, "us-east-1", "Virginia production", "Initialized", "", Map.of());
        add(plane, "us-west-2", "Oregon staging", "Initialized", "",
                Map.of(Annotations.ENDPOINT, "10.20.0.15:443", Annotations.INSECURE, "true"));
        add(plane, "ap-south-1", "Mumbai production", "Failed", "AgentNotReady", Map.of());
        add(plane, "ap-northeast-1", "Tokyo production", "Initialized", "", Map.of());
        add(plane, "sa-east-1", "Sao Paulo edge", "", "", Map.of());
        add(plane, "ca-central-1", "Montreal staging", "Initialized", "",
                Map.of(Annotations.ENDPOINT, "https://bad endpoint/"));
        add(plane, "dev-sandbox", "Developer sandbox", "Initialized", "", Map.of());
        add(plane, "me-central-1", "UAE production", "Initialized", "",
                Map.of(Annotations.ENDPOINT, "me-central-1.agents.example.com"));
    }

    private static void add(MockManagementPlane plane, String name, String displayName, String phase, String reason,
            Map<String, String> annotations) {
        GenericKubernetesResource cluster = MockManagementPlane.cluster(name, annotations);
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) cluster.getAdditionalProperties().get("spec");
        spec.put("displayName", displayName);
        spec.put("description", displayName + " cluster, managed by the platform team.");
        cluster.setAdditionalProperty("status", reason.isEmpty() ? Map.of("phase", phase)
                : Map.of("phase", phase, "reason", reason, "message", "The agent has not reported for 10 minutes."));
        plane.client().genericKubernetesResources(FleetService.CLUSTERS).resource(cluster).create();
    }
}
