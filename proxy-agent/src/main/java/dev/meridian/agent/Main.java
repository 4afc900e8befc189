package dev.meridian.agent;

import dev.meridian.agent.config.AgentCommand;
import dev.meridian.agent.config.AgentConfig;
import dev.meridian.agent.core.AgentException;
import dev.meridian.agent.gateway.GatewayServer;
import dev.meridian.agent.server.AgentServer;
import dev.meridian.agent.server.RunningAgent;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** {@code java -jar meridian-agent.jar [flags]}: exit 0 on a clean stop, 1 on bad usage, 2 when it cannot start. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        AgentCommand command = new AgentCommand();
        CommandLine cli = new CommandLine(command);
        AgentConfig config;
        boolean gateway;
        Duration secretResync;
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            config = command.toConfig(System.getenv("KUBERNETES_SERVICE_HOST") != null);
            gateway = command.isGateway();
            secretResync = command.secretResync();
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println("meridian-agent: " + e.getMessage());
            System.err.println("Run 'meridian-agent --help' for the flags.");
            return 1;
        }
        RunningAgent agent;
        try {
            agent = gateway ? GatewayServer.start(config, secretResync) : AgentServer.start(config);
        } catch (AgentException e) {
            System.err.println("meridian-agent: " + e.getMessage());
            if (command.verbose()) {
                e.printStackTrace();
            }
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.close();
                            stopped.countDown();
                        },
                        "agent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
