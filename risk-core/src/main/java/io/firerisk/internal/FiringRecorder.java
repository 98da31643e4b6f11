package io.firerisk.internal;

import io.firerisk.ClauseRef;

import io.firerisk.Reason;
import io.firerisk.Text;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Watches one assessment's session: which rule concluded each derived fact (so every conclusion
 * keeps its clause), which conclusions were later withdrawn by truth maintenance, and, when
 * explanations are on, one {@link Reason} per match that still holds at the end.
 *
 * <p>A match that fires again (an accumulate whose count changed) replaces its earlier reason; a
 * match all of whose conclusions were withdrawn (a {@code not} that stopped holding) is dropped.
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;

    /** A derived fact and the rule that concluded it. */
    record Conclusion(Object fact, RuleCompiler.CompiledRule rule, Fired firing) {
        /** The concluding rule's firing, empty when explanations are off. */
        java.util.Optional<Reason> reason() {
            return java.util.Optional.ofNullable(firing.reason);
        }
    }

    private final CompiledCampaign campaign;
    private final boolean explain;
    private final Map<Object, Conclusion> live = new IdentityHashMap<>();
    private final List<Object> order = new ArrayList<>();
    private final Map<MatchKey, Fired> fired = new LinkedHashMap<>();
    /** Firings by rule, read only when the firing limit is hit: counted without boxing or hashing names. */
    private final Map<RuleCompiler.CompiledRule, int[]> firings = new IdentityHashMap<>();
    private Match current;
    private Fired currentFired;
    private int total;

    static final class Fired {
        final RuleCompiler.CompiledRule rule;
        Reason reason;
        final List<Object> concluded = new ArrayList<>(2);

        Fired(RuleCompiler.CompiledRule rule) {
            this.rule = rule;
        }
    }

    FiringRecorder(CompiledCampaign campaign, boolean explain) {
        this.campaign = campaign;
        this.explain = explain;
    }

    /**
     * A match as a key: Drools' own equality (the same rule over the same facts), with a hash that tells matches apart.
     * Drools hashes a match by the fact of its last pattern and its rule's name, and a match whose last condition is a
     * {@code not} or {@code exists} has no such fact: every match of such a rule hashed alike (the five 五落实 rules,
     * 8.1 b), …), so the map's bucket for a rule held all its matches, and each firing searched them all, a cost that
     * grew with the square of the findings (docs/performance.md, *Growth in findings*). This hash combines every fact
     * handle of the match by identity, which Drools' equality compares by identity as well.
     */
    static final class MatchKey {
        final Match match;
        private final int hash;

        MatchKey(Match match) {
            this.match = match;
            this.hash = hash(match);
        }

        private static int hash(Match match) {
            if (!(match instanceof org.drools.core.reteoo.TupleImpl tuple)) {
                return match.hashCode();
            }
            int h = System.identityHashCode(match.getRule());
            for (org.drools.core.reteoo.TupleImpl t = tuple; t != null; t = t.getParent()) {
                h = 31 * h + System.identityHashCode(t.getFactHandle());
            }
            return h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MatchKey other && (other.match == match || (other.hash == hash && match.equals(other.match)));
        }
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        current = event.getMatch();
        RuleCompiler.CompiledRule rule = campaign.rule(current.getRule());
        MatchKey key = new MatchKey(current);
        // A match firing again replaces what it said before; the facts it concluded before were
        // withdrawn by truth maintenance when it was re-activated.
        currentFired = new Fired(rule);
        fired.remove(key); // so that the new firing takes its place at the end of the order
        fired.put(key, currentFired);
        firings.computeIfAbsent(rule, r -> new int[1])[0]++;
        total++;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (explain && currentFired != null) {
            currentFired.reason = reason(event.getMatch(), currentFired.rule);
        }
        current = null;
        currentFired = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (currentFired != null) {
            Object fact = event.getObject();
            live.put(fact, new Conclusion(fact, currentFired.rule, currentFired));
            order.add(fact);
            currentFired.concluded.add(fact);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Rules never update facts; inputs are immutable records.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        live.remove(event.getOldObject());
    }

    int totalFirings() {
        return total;
    }

    /** The rules that fired most, most first: the suspects when the firing limit is hit. */
    List<String> busiestRules(int n) {
        Map<String, Integer> byName = new HashMap<>();
        firings.forEach((rule, count) -> byName.merge(rule.info().name(), count[0], Integer::sum));
        return byName.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(e -> e.getKey() + " (" + e.getValue() + " firings)").toList();
    }

    /** The conclusions still standing, in the order they were drawn. */
    List<Conclusion> conclusions() {
        List<Conclusion> out = new ArrayList<>(live.size());
        for (Object fact : order) {
            Conclusion c = live.get(fact);
            if (c != null && c.fact() == fact) {
                out.add(c);
            }
        }
        return out;
    }

    /** One reason per match that still holds, in firing order. */
    List<Reason> reasons() {
        List<Reason> out = new ArrayList<>(fired.size());
        for (Fired f : fired.values()) {
            if (f.reason == null) {
                continue;
            }
            if (!f.concluded.isEmpty() && f.concluded.stream().noneMatch(live::containsKey)) {
                continue;
            }
            out.add(f.reason);
        }
        return out;
    }

    private Reason reason(Match match, RuleCompiler.CompiledRule rule) {
        // Capture now (the match is reused by the engine); write the prose only if someone reads it.
        List<String> ids = match.getDeclarationIds();
        String[] names = ids.toArray(new String[0]);
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = match.getDeclarationValue(names[i]);
        }
        List<Object> matched = match.getObjects();
        java.util.function.Function<String, Object> bindings = name -> {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        };
        ClauseRef cited = rule.ref();
        if (!rule.cites().isEmpty() && bindings.apply(rule.cites()) instanceof io.firerisk.campaign.Element e) {
            ClauseRef own = campaign.lookups().clauseOrNull(e.clause());
            if (own != null) {
                cited = own;
            }
        }
        return Reason.deferred(rule.info().name(), rule.info().concern(), cited,
                () -> {
                    List<String> facts = new ArrayList<>(matched.size());
                    for (Object o : matched) {
                        describe(o, facts);
                    }
                    return facts;
                },
                () -> Text.of(rule.zh().render(bindings, ZH), rule.en().render(bindings, EN)));
    }

    private static void describe(Object o, List<String> out) {
        if (o == null || o.getClass().getName().startsWith("org.drools.")) {
            return;
        }
        if (o instanceof Collection<?> c) {
            out.add(c.isEmpty() ? "collected nothing" : "collected " + Template.format(c, EN));
            return;
        }
        out.add(String.valueOf(o));
    }
}
