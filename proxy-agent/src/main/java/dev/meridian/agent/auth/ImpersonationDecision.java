package dev.meridian.agent.auth;

/** Whether an authenticated caller may act as another identity through the agent. */
public sealed interface ImpersonationDecision {

    record Allowed() implements ImpersonationDecision {}

    /** The cluster's RBAC says no; {@code reason} names what was refused and may be shown to the caller. */
    record Denied(String reason) implements ImpersonationDecision {}

    /** The cluster could not be asked; {@code reason} is for logs only. Never cached. */
    record Unavailable(String reason) implements ImpersonationDecision {}

    static ImpersonationDecision allowed() {
        return new Allowed();
    }
}
