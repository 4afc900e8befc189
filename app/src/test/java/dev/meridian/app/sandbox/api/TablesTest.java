package dev.meridian.app.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TablesTest {
    private final Tables tables = new Tables(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void podsGetKubectlsColumnsWithTheirValues() {
        Map<String, Object> pod = Map.of(
                "kind", "Pod",
                "metadata", Map.of("name", "web-1", "creationTimestamp", "2026-12-07T11:56:48Z"),
                "spec", Map.of("containers", List.of(Map.of("name", "web"), Map.of("name", "log"))),
                "status",
                        Map.of(
                                "phase", "Running",
                                "podIP", "10.0.0.7",
                                "containerStatuses", List.of(Map.of("ready", true), Map.of("ready", false))));
        Map<String, Object> table = tables.of(
                ApiPath.parse("/api/v1/namespaces/default/pods"),
                Map.of("kind", "PodList", "metadata", Map.of("resourceVersion", "9"), "items", List.of(pod)));

        assertThat(table).containsEntry("kind", "Table").containsEntry("apiVersion", "meta.k8s.io/v1");
        assertThat(Tree.list(table, "columnDefinitions"))
                .extracting(c -> Tree.map(c).get("name"))
                .containsExactly("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node");
        Map<String, Object> row = Tree.map(Tree.list(table, "rows").get(0));
        assertThat(row.get("cells")).isEqualTo(List.of("web-1", "1/2", "Running", "0", "3m12s", "10.0.0.7", "<none>"));
        assertThat(row.get("object")).isEqualTo(pod);
    }

    @Test
    void aStatusIsNoTableAndUnknownKindsGetNameAndAge() {
        assertThat(tables.of(ApiPath.parse("/api/v1/pods"), Map.of("kind", "Status")))
                .isNull();
        Map<String, Object> table = tables.of(
                ApiPath.parse("/apis/management.loft.sh/v1/clusters/eu"),
                Map.of("kind", "Cluster", "metadata", Map.of("name", "eu")));
        assertThat(Tree.list(table, "columnDefinitions"))
                .extracting(c -> Tree.map(c).get("name"))
                .containsExactly("Name", "Age");
        assertThat(Tree.map(Tree.list(table, "rows").get(0)).get("cells")).isEqualTo(List.of("eu", "<unknown>"));
    }

    @Test
    void agesReadAsKubectlPrintsThem() {
        assertThat(List.of(45L, 192L, 1020L, 18180L, 72000L, 273600L, 1036800L).stream()
                        .map(s -> Tables.human(Duration.ofSeconds(s)))
                        .toList())
                .containsExactly("45s", "3m12s", "17m", "5h3m", "20h", "3d4h", "12d");
    }
}
