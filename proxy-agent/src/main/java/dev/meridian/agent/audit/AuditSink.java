package dev.meridian.agent.audit;

/**
 * Receives every audit event. Called on the event loop: implementations must not block
 * (queue and write elsewhere) and must not throw.
 */
public interface AuditSink extends AutoCloseable {
    void record(AuditEvent event);

    /** Writes what is queued and releases files; the default does nothing. */
    @Override
    default void close() {}
}
