package dev.meridian.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meridian.agent.core.UserInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditJsonTest {
    private static final Instant T = Instant.parse("2026-03-04T05:06:07.008009Z");

    static Stream<Named<AuditEvent>> events() {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extra.put("scopes.example.com", List.of("read", "wri\"te"));
        extra.put("empty", List.of());
        return Stream.of(
                Named.of(
                        "resource list",
                        event(
                                "/api/v1/namespaces?limit=500",
                                "GET",
                                "/api/v1/namespaces",
                                "limit=500",
                                UserInfo.of("alice", "dev", "ops"),
                                "kubectl/v1.32",
                                200)),
                Named.of(
                        "named object in a group",
                        event(
                                "/apis/apps/v1/namespaces/a/deployments/d/scale",
                                "PATCH",
                                "/apis/apps/v1/namespaces/a/deployments/d/scale",
                                null,
                                UserInfo.of("bob"),
                                null,
                                403)),
                Named.of(
                        "refused before authentication", event("/version", "GET", "/version", null, null, "curl", 401)),
                Named.of(
                        "uid and extra",
                        event(
                                "/api/v1/pods?watch=true",
                                "GET",
                                "/api/v1/pods",
                                "watch=true",
                                new UserInfo("carol", "u-1", List.of("g"), extra),
                                "x",
                                200)),
                Named.of(
                        "impersonated by a front proxy",
                        event(
                                "/api/v1/pods",
                                "GET",
                                "/api/v1/pods",
                                null,
                                UserInfo.of(
                                        "system:serviceaccount:vcluster-pro:meridian-gateway",
                                        "system:serviceaccounts"),
                                new UserInfo("erin", "u-2", List.of("dev"), extra),
                                "kubectl",
                                200)),
                Named.of(
                        "empty uid",
                        event("/api", "GET", "/api", null, new UserInfo("dave", "", List.of(), Map.of()), "", 200)),
                Named.of(
                        "characters that need escaping",
                        event(
                                "/api/v1/namespaces/%22q%5C?x=\"\\\u0000\u001f\b\t\n\f\r\u007f/",
                                "GET",
                                "/api/v1/namespaces/\"q\\",
                                "x=\"",
                                UserInfo.of("ünï\u2028\uD83D\uDE00", "\u0001grp"),
                                "agent \"quoted\" \\ \u0019",
                                599)),
                Named.of(
                        "a lone surrogate",
                        event("/x", "DELETE", "/api/v1/namespaces/a/pods", null, UserInfo.of("\uD800x"), null, 200)));
    }

    private static AuditEvent event(
            String uri, String method, String apiPath, String query, UserInfo user, String agent, int code) {
        return event(uri, method, apiPath, query, user, null, agent, code);
    }

    private static AuditEvent event(
            String uri,
            String method,
            String apiPath,
            String query,
            UserInfo user,
            UserInfo impersonated,
            String agent,
            int code) {
        return new AuditEvent(
                "6f1c1e9e-54a4-4a7e-9b55-2d0f0b1f6a10",
                uri,
                RequestInfo.of(method, apiPath, query),
                user,
                impersonated,
                List.of("127.0.0.1", "::1"),
                agent,
                code,
                T,
                T.plusNanos(1_234_567));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writesExactlyTheBytesOfWhatTheJsonTreeEncodes(AuditEvent event) {
        // Bytes, as they reach the file: a lone surrogate is '?' in UTF-8 either way.
        assertThat(event.encode().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(dev.meridian.agent.audit.AuditEventJson.of(event)
                        .encode()
                        .getBytes(StandardCharsets.UTF_8));
        Utf8Buffer line = new Utf8Buffer(16);
        AuditJson.append(event, line);
        assertThat(java.util.Arrays.copyOf(line.bytes(), line.size()))
                .isEqualTo(dev.meridian.agent.audit.AuditEventJson.of(event)
                        .encode()
                        .getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "1970-01-01T00:00:00Z",
                "2026-12-31T23:59:59.999999999Z",
                "2000-02-29T12:00:00.000001Z",
                "0999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "1999-09-09T09:09:09.090909Z"
            })
    void formatsTimestampsLikeTheFormatter(String instant) {
        Instant t = Instant.parse(instant);
        Utf8Buffer out = new Utf8Buffer(4);
        AuditJson.timestamp(t, out);
        assertThat(out).hasToString("\"" + AuditEvent.MICROS.format(t) + "\"");
    }

    @org.junit.jupiter.api.Test
    void oneBufferWritesTimestampsOfSeveralSecondsInAnyOrder() {
        // The writer reuses its buffer, and with it the text of the last second it wrote.
        Utf8Buffer out = new Utf8Buffer(4);
        for (String instant : List.of(
                "2026-12-06T06:00:00.000001Z",
                "2026-12-06T06:00:00.999999Z",
                "2026-12-06T06:00:01Z",
                "2026-12-05T06:00:01.5Z",
                "0999-01-01T00:00:00Z",
                "2026-12-06T06:00:01.25Z")) {
            Instant t = Instant.parse(instant);
            out.reset();
            AuditJson.timestamp(t, out);
            assertThat(out).as(instant).hasToString("\"" + AuditEvent.MICROS.format(t) + "\"");
        }
    }
}
