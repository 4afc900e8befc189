package dev.meridian.agent.auth;

import dev.meridian.agent.core.UserInfo;
import dev.meridian.agent.upstream.Upstream;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether {@code caller} may impersonate {@code target} (user, uid, every group and
 * every extra value) on {@code cluster}, as that API server decides it for {@code Impersonate-*}
 * headers. Implementations must not block and complete with a decision rather than exceptionally.
 */
@FunctionalInterface
public interface ImpersonationAuthorizer {
    CompletionStage<ImpersonationDecision> authorize(Upstream cluster, UserInfo caller, UserInfo target);
}
