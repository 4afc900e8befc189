package dev.meridian.app.sandbox.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A label selector as kubectl and client libraries write it in {@code ?labelSelector=}:
 * {@code a=b}, {@code a==b}, {@code a!=b}, {@code a in (x,y)}, {@code a notin (x)}, {@code a},
 * {@code !a}, joined by commas. Watches filter their events with it.
 */
final class LabelSelector {
    private LabelSelector() {}

    /** The predicate over an object's labels; an empty or absent selector matches everything. */
    static Predicate<Map<String, String>> parse(String selector) {
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        if (selector != null) {
            for (String term : splitTerms(selector)) {
                if (!term.isBlank()) {
                    terms.add(term(term.trim()));
                }
            }
        }
        return labels -> terms.stream().allMatch(t -> t.test(labels));
    }

    /** Splits on the commas between terms, not those inside a set's parentheses. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(from, i));
                from = i + 1;
            }
        }
        terms.add(selector.substring(from));
        return terms;
    }

    private static Predicate<Map<String, String>> term(String term) {
        if (term.startsWith("!")) {
            String key = term.substring(1).trim();
            return labels -> !labels.containsKey(key);
        }
        int notEquals = term.indexOf("!=");
        if (notEquals > 0) {
            String key = term.substring(0, notEquals).trim();
            String value = term.substring(notEquals + 2).trim();
            return labels -> !value.equals(labels.get(key));
        }
        int equals = term.indexOf('=');
        if (equals > 0) {
            String key = term.substring(0, equals).trim();
            String value = term.substring(term.startsWith("=", equals + 1) ? equals + 2 : equals + 1)
                    .trim();
            return labels -> value.equals(labels.get(key));
        }
        String[] words = term.split("\\s+", 3);
        if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
            Set<String> values = Set.copyOf(
                    java.util.Arrays.asList(words[2].replaceAll("[()\\s]", "").split(",")));
            String key = words[0];
            boolean in = words[1].equals("in");
            return labels -> in == (labels.containsKey(key) && values.contains(labels.get(key)));
        }
        if (words.length == 1) {
            return labels -> labels.containsKey(term);
        }
        throw new IllegalArgumentException("unable to parse the label selector term '" + term + "'");
    }
}
