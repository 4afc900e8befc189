package dev.meridian.agent.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JwtExpiryTest {
    static final long NOW_MILLIS = 1_700_000_000_000L;
    static final long NOW = NOW_MILLIS / 1000;
    static final long TTL = Duration.ofSeconds(10).toNanos();

    static Stream<Arguments> tokens() {
        return Stream.of(
                arguments("opaque token", "abcdef0123456789", OptionalLong.empty()),
                arguments("JWT with exp", Jwts.withPayload("{\"exp\":" + NOW + "}"), OptionalLong.of(NOW)),
                arguments(
                        "fractional exp rounds down", Jwts.withPayload("{\"exp\":1700000000.9}"), OptionalLong.of(NOW)),
                arguments("JWT without exp", Jwts.withPayload("{\"sub\":\"x\"}"), OptionalLong.empty()),
                arguments("exp as text", Jwts.withPayload("{\"exp\":\"" + NOW + "\"}"), OptionalLong.empty()),
                arguments(
                        "payload not JSON",
                        Jwts.encode("h") + "." + Jwts.encode("not json") + ".s",
                        OptionalLong.empty()),
                arguments(
                        "payload a JSON array",
                        Jwts.encode("h") + "." + Jwts.encode("[1]") + ".s",
                        OptionalLong.empty()),
                arguments("payload not base64url", "h.$$$.s", OptionalLong.empty()),
                arguments("five parts (JWE)", Jwts.withPayload("{\"exp\":1}") + ".x.y", OptionalLong.empty()),
                arguments("two parts", "a.b", OptionalLong.empty()),
                arguments(
                        "oversized payload",
                        "h." + "A".repeat(JwtExpiry.MAX_PAYLOAD_CHARS + 4) + ".s",
                        OptionalLong.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void readsExpOnlyFromWellFormedJwts(String name, String token, OptionalLong expected) {
        assertThat(JwtExpiry.epochSeconds(token)).isEqualTo(expected);
    }

    static Stream<Arguments> cacheTimes() {
        return Stream.of(
                arguments("no exp keeps the configured time", "opaque", TTL),
                arguments("exp after the cache time", Jwts.withPayload("{\"exp\":" + (NOW + 3600) + "}"), TTL),
                arguments(
                        "exp sooner shortens it",
                        Jwts.withPayload("{\"exp\":" + (NOW + 3) + "}"),
                        Duration.ofSeconds(3).toNanos()),
                arguments("exp now keeps nothing", Jwts.withPayload("{\"exp\":" + NOW + "}"), 0L),
                arguments("exp past keeps nothing", Jwts.withPayload("{\"exp\":" + (NOW - 60) + "}"), 0L),
                arguments("negative exp keeps nothing", Jwts.withPayload("{\"exp\":-9223372036854775808}"), 0L),
                arguments(
                        "exp beyond year 2262 keeps the configured time",
                        Jwts.withPayload("{\"exp\":9223372036854775807}"),
                        TTL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cacheTimes")
    void theCacheTimeIsNeverLongerThanTheConfiguredOneNorPastExp(String name, String token, long expectedNanos) {
        assertThat(JwtExpiry.cacheNanos(token, TTL, NOW_MILLIS)).isEqualTo(expectedNanos);
    }
}
