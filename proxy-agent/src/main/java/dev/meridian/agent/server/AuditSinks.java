package dev.meridian.agent.server;

import dev.meridian.agent.audit.AuditSink;
import dev.meridian.agent.audit.JsonLinesAuditSink;
import dev.meridian.agent.audit.RotatingFileLineWriter;
import dev.meridian.agent.audit.StreamLineWriter;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.config.AuditTarget;
import dev.meridian.agent.core.AgentException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

final class AuditSinks {
    private AuditSinks() {}

    static AuditSink of(AgentConfig config, InProcess parts) {
        if (parts.auditSink() != null) {
            return parts.auditSink();
        }
        if (config.audit() instanceof AuditTarget.File f) {
            try {
                return new JsonLinesAuditSink(new RotatingFileLineWriter(f.path(), f.maxBytes(), f.maxBackups()));
            } catch (IOException e) {
                throw new AgentException("cannot open audit log " + f.path() + ": " + e.getMessage(), e);
            }
        }
        // The raw descriptor: System.out may be redirected by the host application.
        return new JsonLinesAuditSink(new StreamLineWriter(new FileOutputStream(FileDescriptor.out)));
    }
}
