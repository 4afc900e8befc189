package dev.meridian.agent.server;

import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.auth.TokenReviewer;

/**
 * What an application that runs the agent in its own JVM (a sandbox, a test) supplies instead of
 * what the configuration would build: a reviewer in place of TokenReview calls, a sink in place
 * of the configured audit log. Null leaves that part to the configuration.
 */
public record InProcess(TokenReviewer tokenReviewer, AuditSink auditSink) {
    /** Everything from the configuration. */
    public static final InProcess NONE = new InProcess(null, null);

    public InProcess withTokenReviewer(TokenReviewer reviewer) {
        return new InProcess(reviewer, auditSink);
    }

    public InProcess withAuditSink(AuditSink sink) {
        return new InProcess(tokenReviewer, sink);
    }
}
