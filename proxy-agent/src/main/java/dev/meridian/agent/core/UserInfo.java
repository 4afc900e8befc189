package dev.meridian.agent.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An authenticated user as a TokenReview reports it; {@code uid} may be null. */
public record UserInfo(String username, String uid, List<String> groups, Map<String, List<String>> extra) {
    public UserInfo {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        groups = List.copyOf(groups == null ? List.of() : groups);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        extra = Map.copyOf(copy);
    }

    public static UserInfo of(String username, String... groups) {
        return new UserInfo(username, null, List.of(groups), Map.of());
    }
}
