package dev.meridian.agent.upstream;

import dev.meridian.agent.core.AgentException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token read from a file, such as the projected ServiceAccount token, re-read periodically
 * off the event loops (on a thread of its own, asleep in between) because the kubelet rotates
 * it in place.
 */
public final class TokenFileCredentials implements Credentials, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenFileCredentials.class);

    private final Path file;
    private final ScheduledExecutorService timer;
    private volatile String token;

    public TokenFileCredentials(Path file, long refreshMillis) {
        this.file = file;
        this.token = read(file);
        this.timer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("agent-token-file", true));
        timer.scheduleWithFixedDelay(this::refresh, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            replace(read(file));
        } catch (RuntimeException e) {
            LOG.warn("cannot re-read token file {}, keeping the previous token: {}", file, e.getMessage());
        }
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
        timer.shutdownNow();
    }
}
