package io.firerisk;

import java.util.List;

/**
 * One rule that fired for a venue: the trail from facts to conclusion.
 *
 * @param rule     the rule's name, in the campaign's words
 * @param concern  the rule file's concern (its DRL package), such as {@code rules.gb35181}
 * @param clause   the clause the rule implements
 * @param facts    the facts it matched, described
 * @param sentence what it concluded, as a sentence
 */
public record Reason(String rule, String concern, ClauseRef clause, List<String> facts, Text sentence) {
    public Reason {
        Checks.notNull("Reason", "rule", rule);
        concern = concern == null ? "" : concern;
        Checks.notNull("Reason", "clause", clause);
        facts = List.copyOf(facts);
        sentence = sentence == null ? Text.EMPTY : sentence;
    }
}
