package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;

/** The sentence the wizard ends on: the endpoint that was set and its health, or what failed. */
record InstallSummary(boolean ok, String text) {

    static InstallSummary of(AgentInstallFlow.Outcome outcome) {
        String endpoint = "Endpoint set to " + outcome.change().hostPort().routeUrl() + ".";
        String health = outcome.health()
                .map(h -> " Health: " + h.verdict().label()
                        + (h.isUp() ? "." : " (" + h.verdict().message() + ")."))
                .orElse(" Health: not probed (the rollout was not awaited).");
        return new InstallSummary(
                true, "Agent installed in namespace " + outcome.install().namespace() + ". " + endpoint + health);
    }

    static InstallSummary failure(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new InstallSummary(
                false,
                "Install failed: " + message
                        + " Fix the cause and run the wizard again; a re-run completes what is missing.");
    }
}
