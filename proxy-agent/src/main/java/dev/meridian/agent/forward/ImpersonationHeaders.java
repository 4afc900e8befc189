package dev.meridian.agent.forward;

import dev.meridian.agent.core.UserInfo;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The identity a trusted front proxy asks the agent to act as, read from its {@code Impersonate-*} headers. */
sealed interface ImpersonationHeaders {
    String EXTRA_PREFIX = "impersonate-extra-";

    record Requested(UserInfo target) implements ImpersonationHeaders {}

    /** The headers cannot name an identity; {@code reason} may be shown to the caller. */
    record Invalid(String reason) implements ImpersonationHeaders {}

    /**
     * Reads the headers as the API server does: one {@code Impersonate-User} is required when any
     * other impersonation header is present; groups and extras may repeat; extra keys are
     * percent-decoded and lower-cased (KEP 1510); any other {@code Impersonate-*} name is invalid.
     */
    static ImpersonationHeaders read(HttpHeaders headers) {
        List<String> users = headers.getAll("Impersonate-User");
        List<String> uids = headers.getAll("Impersonate-Uid");
        if (users.size() != 1 || users.get(0).isBlank()) {
            return new Invalid("impersonation needs exactly one Impersonate-User header");
        }
        if (uids.size() > 1) {
            return new Invalid("at most one Impersonate-Uid header is allowed");
        }
        List<String> groups = new ArrayList<>(headers.getAll("Impersonate-Group"));
        Map<String, List<String>> extra = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(EXTRA_PREFIX)) {
                String key;
                try {
                    key = URLDecoder.decode(
                            name.substring(EXTRA_PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return new Invalid("malformed Impersonate-Extra header name");
                }
                if (key.isEmpty()) {
                    return new Invalid("Impersonate-Extra header without a key");
                }
                extra.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(h.getValue());
            } else if (name.startsWith("impersonate-")
                    && !name.equals("impersonate-user")
                    && !name.equals("impersonate-group")
                    && !name.equals("impersonate-uid")) {
                return new Invalid("unknown impersonation header " + h.getKey());
            }
        }
        return new Requested(new UserInfo(users.get(0).trim(), uids.isEmpty() ? null : uids.get(0), groups, extra));
    }
}
