package dev.meridian.agent.fuzz;

import dev.meridian.agent.testing.AgentHarness;
import dev.meridian.agent.testing.EchoUpstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every request reaching the API server must look like, whatever the client sent: the
 * agent's own token, exactly the reviewed user's impersonation headers (told apart from a client's
 * by value: fuzz clients claim to be "mallory"), no X-Remote-* header, and no client token in a
 * credential header. (A client may put its token in a header of no meaning, User-Agent say; that
 * travels as the client's data.)
 */
final class UpstreamRules {
    private static final Map<String, List<String>> IMPERSONATION = Map.of(
            "impersonate-user", List.of(AgentHarness.ALICE.username()),
            "impersonate-group", AgentHarness.ALICE.groups(),
            "impersonate-uid", List.of(AgentHarness.ALICE.uid()),
            "impersonate-extra-scopes.example.com%2fteam", List.of("blue"));

    private UpstreamRules() {}

    /** What is wrong with a request the upstream received, or "" when nothing is. */
    static String violations(EchoUpstream.Seen seen) {
        List<String> problems = new ArrayList<>();
        List<String> auth = seen.headers().getAll("Authorization");
        if (!auth.equals(List.of("Bearer " + EchoUpstream.AGENT_TOKEN))) {
            problems.add("Authorization " + auth);
        }
        Map<String, List<String>> impersonation = new TreeMap<>();
        for (Map.Entry<String, String> h : seen.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("impersonate-")) {
                impersonation.computeIfAbsent(name, n -> new ArrayList<>()).add(h.getValue());
            }
            if (name.startsWith("x-remote-")) {
                problems.add(h.getKey() + ": " + h.getValue());
            }
            boolean credential = name.equals("authorization")
                    || name.equals("proxy-authorization")
                    || name.startsWith("impersonate-")
                    || name.startsWith("x-remote-");
            for (String token : Corpus.CLIENT_TOKEN_MARKS) {
                if (credential && h.getValue().contains(token)) {
                    problems.add("a client token in " + h.getKey() + ": " + h.getValue());
                }
            }
        }
        if (!impersonation.equals(new TreeMap<>(IMPERSONATION))) {
            problems.add("impersonation " + impersonation + " instead of " + new TreeMap<>(IMPERSONATION));
        }
        return problems.isEmpty() ? "" : seen.method() + " " + seen.uri() + ": " + String.join("; ", problems);
    }
}
