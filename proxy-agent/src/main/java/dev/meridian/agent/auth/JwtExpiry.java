package dev.meridian.agent.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code exp} claim (RFC 7519 4.1.4, seconds since the epoch) of a token that looks like
 * a JWS, without verifying anything. Only ever used to cache an accepted review for less time,
 * never to accept a token: the authority's TokenReview decides, and its
 * {@code authentication.k8s.io/v1} TokenReviewStatus carries no expiry of its own.
 * Nothing read here is logged, and no failure names the token.
 */
final class JwtExpiry {
    /** Payloads longer than this are not decoded: real ones are a few KiB, and this caps the work. */
    static final int MAX_PAYLOAD_CHARS = 16 * 1024;

    private JwtExpiry() {}

    /** The token's {@code exp} in epoch seconds, or empty when it has none or is no JWT. */
    static OptionalLong epochSeconds(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || second - first - 1 > MAX_PAYLOAD_CHARS || token.indexOf('.', second + 1) >= 0) {
            return OptionalLong.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            JsonNode exp = Json.parseObject(new String(payload, StandardCharsets.UTF_8))
                    .get("exp");
            if (exp != null && (exp.isInt() || exp.isLong())) {
                return OptionalLong.of(exp.longValue());
            }
            // A fractional NumericDate rounds down: earlier is the safe side for a cache.
            return exp != null && exp.isDouble() && !Double.isNaN(exp.doubleValue())
                    ? OptionalLong.of((long) Math.floor(exp.doubleValue()))
                    : OptionalLong.empty();
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * How long an accepted review of {@code token} may be kept: {@code ttlNanos}, or less when
     * the token expires sooner (zero or less when it has expired already).
     */
    static long cacheNanos(String token, long ttlNanos, long nowEpochMillis) {
        OptionalLong exp = epochSeconds(token);
        if (exp.isEmpty() || exp.getAsLong() > Long.MAX_VALUE / 1_000_000_000L) {
            return ttlNanos;
        }
        if (exp.getAsLong() <= 0) {
            return 0;
        }
        long leftMillis = exp.getAsLong() * 1000 - nowEpochMillis;
        if (leftMillis <= 0) {
            return 0;
        }
        return leftMillis >= ttlNanos / 1_000_000 ? ttlNanos : leftMillis * 1_000_000;
    }
}
