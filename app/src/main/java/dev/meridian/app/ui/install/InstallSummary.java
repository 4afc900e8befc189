package dev.meridian.app.ui.install;

import dev.meridian.app.agent.AgentInstallFlow;
import dev.meridian.app.core.MeridianException;
import dev.meridian.installer.InstallerException;

/** The sentence the wizard ends on: the endpoint that was set and its health, or what failed. */
record InstallSummary(boolean ok, String text) {
    /** What to do after a failure whose message does not say it already. */
    static final String RERUN = "Fix the cause, then go Back and Install again: it completes what is missing.";

    static InstallSummary of(AgentInstallFlow.Outcome outcome) {
        String endpoint = "Endpoint set to " + outcome.change().hostPort().routeUrl() + ".";
        String health = outcome.health()
                .map(h -> " Health: " + h.verdict().label()
                        + (h.isUp() ? "." : " (" + h.verdict().message() + ")."))
                .orElse(" Health: not probed (the rollout was not awaited).");
        return new InstallSummary(
                true, "Agent installed in namespace " + outcome.install().namespace() + ". " + endpoint + health);
    }

    /**
     * "The install did not finish." and what went wrong, with one instruction. The installer's and Meridian's own
     * messages end on what to do already, so nothing is added to them (issue 19: the wizard said "run the install
     * again" and then "run the wizard again").
     */
    static InstallSummary failure(Throwable error) {
        return new InstallSummary(false, failureText("The install did not finish.", error, RERUN));
    }

    /** {@code headline}, what went wrong, and {@code instruction} unless the message ends on one of its own. */
    static String failureText(String headline, Throwable error, String instruction) {
        String message = error.getMessage() == null || error.getMessage().isBlank()
                ? error.getClass().getSimpleName()
                : error.getMessage().strip();
        boolean advises = error instanceof InstallerException || error instanceof MeridianException;
        return headline + " " + sentence(message) + (advises ? "" : " " + instruction);
    }

    /** {@code message} as a sentence: a capital first letter and a closing period. */
    private static String sentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
