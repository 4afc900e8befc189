package dev.meridian.agent.forward;

import dev.meridian.agent.AgentException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token read from a file, such as the projected ServiceAccount token, re-read periodically
 * off the event loop because the kubelet rotates it in place.
 */
public final class TokenFileCredentials implements Credentials, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileCredentials.class);

    private final Path file;
    private final Vertx vertx;
    private final long timerId;
    private volatile String token;

    public TokenFileCredentials(Vertx vertx, Path file, long refreshMillis) {
        this.vertx = vertx;
        this.file = file;
        this.token = read(file);
        this.timerId = vertx.setPeriodic(
                refreshMillis,
                id -> vertx.executeBlocking(() -> read(file), false)
                        .onSuccess(this::replace)
                        .onFailure(e -> LOG.warn(
                                "cannot re-read token file {}, keeping the previous token: {}", file, e.getMessage())));
    }

    @Override
    public Optional<String> bearerToken() {
        return Optional.of(token);
    }

    private void replace(String fresh) {
        if (!fresh.equals(token)) {
            LOG.info("token file {} changed, using the new token", file);
            token = fresh;
        }
    }

    static String read(Path file) {
        try {
            String value = Files.readString(file).trim();
            if (value.isEmpty()) {
                throw new AgentException("token file " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new AgentException("cannot read token file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(timerId);
    }
}
