package io.firerisk;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One rule that fired for a venue: the trail from facts to conclusion.
 *
 * <p>The engine captures what the rule matched when it fires and writes the sentence and the fact
 * descriptions only when they are first asked for, so scoring in bulk does not pay for prose nobody
 * reads. A reason is immutable and compares by its content.
 */
public final class Reason {

    private final String rule;
    private final String concern;
    private final ClauseRef clause;
    private Supplier<List<String>> factsSource;
    private Supplier<Text> sentenceSource;
    private volatile List<String> facts;
    private volatile Text sentence;

    private Reason(String rule, String concern, ClauseRef clause, List<String> facts, Text sentence,
            Supplier<List<String>> factsSource, Supplier<Text> sentenceSource) {
        this.rule = Checks.notNull("Reason", "rule", rule);
        this.concern = concern == null ? "" : concern;
        this.clause = Checks.notNull("Reason", "clause", clause);
        this.facts = facts == null ? null : List.copyOf(facts);
        this.sentence = sentence;
        this.factsSource = factsSource;
        this.sentenceSource = sentenceSource;
    }

    /**
     * A reason with everything already written.
     *
     * @param rule     the rule's name, in the campaign's words
     * @param concern  the rule file's concern (its DRL package), such as {@code rules.gb35181}
     * @param clause   the clause the rule implements
     * @param facts    the facts it matched, described
     * @param sentence what it concluded, as a sentence
     */
    public static Reason of(String rule, String concern, ClauseRef clause, List<String> facts, Text sentence) {
        return new Reason(rule, concern, clause, Objects.requireNonNull(facts, "facts"),
                sentence == null ? Text.EMPTY : sentence, null, null);
    }

    /**
     * A reason whose facts and sentence are written on first use, from values captured when the
     * rule fired. The suppliers must be pure: they may run on any thread, at most once each.
     */
    public static Reason deferred(String rule, String concern, ClauseRef clause, Supplier<List<String>> facts,
            Supplier<Text> sentence) {
        return new Reason(rule, concern, clause, null, null, Objects.requireNonNull(facts, "facts"),
                Objects.requireNonNull(sentence, "sentence"));
    }

    /** The rule's name, in the campaign's words. */
    public String rule() {
        return rule;
    }

    /** The rule file's concern (its DRL package), such as {@code rules.gb35181}. */
    public String concern() {
        return concern;
    }

    /** The clause the rule implements. */
    public ClauseRef clause() {
        return clause;
    }

    /** The facts the rule matched, described. */
    public List<String> facts() {
        List<String> f = facts;
        if (f == null) {
            synchronized (this) {
                if (facts == null) {
                    facts = List.copyOf(factsSource.get());
                    factsSource = null;
                }
                f = facts;
            }
        }
        return f;
    }

    /** What the rule concluded, as a sentence in Chinese with an English alternative. */
    public Text sentence() {
        Text s = sentence;
        if (s == null) {
            synchronized (this) {
                if (sentence == null) {
                    Text made = sentenceSource.get();
                    sentence = made == null ? Text.EMPTY : made;
                    sentenceSource = null;
                }
                s = sentence;
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Reason r && rule.equals(r.rule) && concern.equals(r.concern)
                && clause.equals(r.clause) && facts().equals(r.facts()) && sentence().equals(r.sentence()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, concern, clause, facts(), sentence());
    }

    @Override
    public String toString() {
        return "Reason[rule=" + rule + ", clause=" + clause + ", sentence=" + sentence().zh() + "]";
    }
}
