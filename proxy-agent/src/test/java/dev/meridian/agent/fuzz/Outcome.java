package dev.meridian.agent.fuzz;

import java.util.List;

/**
 * What a fuzz client saw: the final answers it read (interim 1xx left out, a 101 kept), whether
 * the conversation ended as a well-formed one must ({@code complete}: every request answered and
 * the connection closed by the agent or the client as planned), and a note for the report.
 */
record Outcome(List<Answer> answers, boolean complete, String note) {

    /** One answer: its status, and whether the agent answered it anonymously (health, readiness, preflight). */
    record Answer(int status, boolean anonymous) {}

    Outcome {
        answers = List.copyOf(answers);
    }

    long audited() {
        return answers.stream().filter(a -> !a.anonymous()).count();
    }

    String summary() {
        return "answers "
                + answers.stream()
                        .map(a -> a.status() + (a.anonymous() ? "(anonymous)" : ""))
                        .toList() + (complete ? "" : ", incomplete") + (note.isEmpty() ? "" : ", " + note);
    }
}
