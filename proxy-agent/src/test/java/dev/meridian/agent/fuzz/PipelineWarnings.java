package dev.meridian.agent.fuzz;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Netty's warning that an exception reached the end of a channel pipeline with no handler
 * taking care of it: a path the agent did not foresee (the connection's state is then whatever
 * the exception left), and a multi-line warning in the log for whoever caused it. Collected
 * while a lane runs, as "exception class: message".
 */
final class PipelineWarnings extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String PIPELINE_LOGGER = "io.netty.channel.DefaultChannelPipeline";
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PIPELINE_LOGGER);

    PipelineWarnings() {
        setName("fuzz-pipeline-warnings");
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null && event.getFormattedMessage().contains("reached at the tail of the pipeline")) {
            seen.add(t.getClassName() + ": " + t.getMessage());
        }
    }

    int count() {
        return seen.size();
    }

    List<String> since(int from) {
        return List.copyOf(seen.subList(from, seen.size()));
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
