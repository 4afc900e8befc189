package dev.meridian.agent.forward;

import dev.meridian.agent.auth.ImpersonationAuthorizer;
import dev.meridian.agent.core.UserInfo;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated users (front proxies such as the central gateway) whose {@code Impersonate-*}
 * headers the agent honours, each impersonation still authorized by the cluster that will serve
 * it. Everyone else's impersonation headers are refused with 403.
 */
public record TrustedProxies(Set<String> usernames, ImpersonationAuthorizer authorizer) {
    public TrustedProxies {
        usernames = Set.copyOf(usernames);
        if (!usernames.isEmpty()) {
            Objects.requireNonNull(authorizer, "authorizer");
        }
    }

    public static TrustedProxies none() {
        return new TrustedProxies(Set.of(), null);
    }

    public boolean trusts(UserInfo caller) {
        return usernames.contains(caller.username());
    }
}
