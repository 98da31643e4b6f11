package io.firerisk.cli;

import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.ClauseRef;
import io.firerisk.Priority;
import io.firerisk.RequiredAction;
import io.firerisk.SuspendedPart;
import io.firerisk.Text;
import io.firerisk.ThresholdCheck;
import io.firerisk.Finding;
import io.firerisk.Venue;
import io.firerisk.VenueFacts;
import io.firerisk.campaign.Campaign;
import io.firerisk.campaign.VenueKind;
import io.firerisk.ledger.draw.InspectionPlan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * What the HTML report lists, gathered venue by venue in bounded memory: each list keeps its most
 * pressing {@code limit} entries (gravest suspensions, most elements, earliest deadlines) and counts
 * the rest, so a report of a million venues is as small as one of a thousand.
 */
final class ReportData {

    /** Who and where, for every list. */
    record Place(String venueId, String name, String street, Text kind, LocalDate date) {}

    /** A part whose use must stop; {@code score} is the venue's R, so the gravest come first. */
    record SuspensionEntry(Place place, String part, Text ground, List<Text> hazards, Text actor, List<ClauseRef> clauses,
            int score) {

        String partShown(Lang lang) {
            return part.isEmpty() ? lang.of("整个场所", "whole venue") : part;
        }

        String hazardsShown(Lang lang) {
            return hazards.stream().map(lang::of).collect(Collectors.joining(lang.of("；", "; ")));
        }

        String clausesShown() {
            return clauses.stream().map(ClauseRef::toString).collect(Collectors.joining("; "));
        }
    }

    record SuspectedEntry(Place place, List<String> direct, List<String> comprehensive, List<String> thresholds,
            List<Text> hazards, int elements, String standard) {}

    record ActionEntry(Place place, LocalDate due, Priority priority, Text action, Text about, String location,
            List<Text> details, List<ClauseRef> clauses, long order) {}

    private final Campaign campaign;
    private long order;
    final Bounded<SuspensionEntry> suspensions;
    final Bounded<SuspectedEntry> suspected;
    final Bounded<ActionEntry> actions;
    InspectionPlan plan;

    ReportData(Campaign campaign, int limit) {
        this.campaign = campaign;
        this.suspensions = new Bounded<>(limit, Comparator.comparingInt((SuspensionEntry e) -> -e.score())
                .thenComparing(e -> e.place().venueId()).thenComparing(SuspensionEntry::part));
        this.suspected = new Bounded<>(limit, Comparator.comparingInt((SuspectedEntry e) -> -e.elements())
                .thenComparing(e -> e.place().venueId()));
        this.actions = new Bounded<>(limit, Comparator.comparing((ActionEntry e) -> e.due() == null ? LocalDate.MAX : e.due())
                .thenComparing(ActionEntry::priority).thenComparingLong(ActionEntry::order));
    }

    Text kindLabel(String kind) {
        VenueKind k = campaign.venueKinds().get(kind);
        return k == null ? Text.of(kind, kind) : k.label();
    }

    void add(VenueFacts facts, Assessment a) {
        Venue venue = facts.venue();
        Place place = new Place(a.venueId(), venue.name(), venue.street(), kindLabel(venue.kind()), a.assessedOn());
        for (SuspendedPart p : a.suspension().parts()) {
            List<Text> hazards = p.findingIds().stream().map(id -> finding(a, id)).filter(java.util.Objects::nonNull)
                    .map(AssessedFinding::label).toList();
            suspensions.add(new SuspensionEntry(place, p.area(), p.ground().text(), hazards, p.actor(), p.clauses(),
                    a.grading().score()));
        }
        if (a.determination().needsCollectiveDecision()) {
            List<String> reached = a.determination().thresholds().stream().filter(ThresholdCheck::reached)
                    .map(t -> t.row() + " " + t.count() + "/" + t.threshold()).toList();
            Set<String> present = new HashSet<>(a.determination().directElements());
            present.addAll(a.determination().comprehensiveElements());
            List<Text> hazards = a.findings().stream()
                    .filter(f -> f.counted() && f.elements().stream().anyMatch(present::contains))
                    .map(f -> located(f.label(), location(facts, f.id()).orElse(""))).collect(Collectors.toList());
            suspected.add(new SuspectedEntry(place, a.determination().directElements(),
                    a.determination().comprehensiveElements(), reached, hazards,
                    a.determination().directElements().size() + a.determination().comprehensiveElements().size(),
                    a.determination().standard()));
        }
        for (RequiredAction act : a.actions()) {
            AssessedFinding f = act.findingId().map(id -> finding(a, id)).orElse(null);
            String location = act.findingId().flatMap(id -> location(facts, id)).orElse("");
            actions.add(new ActionEntry(place, act.due().orElse(null), act.priority(), act.label(),
                    f == null ? Text.EMPTY : f.label(), location, act.details(), act.clauses(), order++));
        }
    }

    /** {@code 安全出口数量不足（二楼包房区）}, in both languages. */
    private static Text located(Text label, String location) {
        return location.isEmpty() ? label : Text.of(label.zh() + "（" + location + "）", label.en() + " (" + location + ")");
    }

    private static AssessedFinding finding(Assessment a, String id) {
        for (AssessedFinding f : a.findings()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }

    private static java.util.Optional<String> location(VenueFacts facts, String findingId) {
        return facts.findings().stream().filter(f -> f.id().equals(findingId)).map(Finding::location).findFirst();
    }

    /** The {@code limit} first entries in an order, out of however many were offered. */
    static final class Bounded<T> {
        private final int limit;
        private final Comparator<T> order;
        private final PriorityQueue<T> worstFirst;
        private long offered;

        Bounded(int limit, Comparator<T> order) {
            this.limit = limit;
            this.order = order;
            this.worstFirst = new PriorityQueue<>(order.reversed());
        }

        void add(T entry) {
            offered++;
            worstFirst.add(entry);
            if (worstFirst.size() > limit) {
                worstFirst.poll();
            }
        }

        long offered() {
            return offered;
        }

        List<T> sorted() {
            List<T> list = new ArrayList<>(worstFirst);
            list.sort(order);
            return list;
        }
    }
}
