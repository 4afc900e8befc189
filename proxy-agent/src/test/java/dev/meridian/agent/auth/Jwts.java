package dev.meridian.agent.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tokens shaped like a signed JWT (compact JWS) with a chosen payload; the signature is not real. */
final class Jwts {
    private Jwts() {}

    static String withPayload(String json) {
        return encode("{\"alg\":\"RS256\",\"kid\":\"k\"}") + "." + encode(json) + ".c2lnbmF0dXJl";
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
