package dev.meridian.agent.core;

/** Root of every exception the agent throws on purpose; always carries its cause when it has one. */
public class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
