package io.firerisk.ledger;

import io.firerisk.Enforcement;
import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import io.firerisk.RectificationStatus;
import io.firerisk.VenueFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One venue record of firerisk's input as the entries of one submission ({@link VenueImport}). Event
 * ids are made from the venue, the day and what the event is, so importing the same file again
 * records nothing new. A record that cannot be expressed is refused naming the input's field.
 */
final class VenueEntries {
    private VenueEntries() {}

    static List<Entry> of(Ledger ledger, VenueFacts facts, VenueImport how) {
        String venueId = facts.venue().id();
        TreeMap<LocalDate, List<Finding>> byDay = new TreeMap<>();
        for (int i = 0; i < facts.findings().size(); i++) {
            Finding f = facts.findings().get(i);
            if (f.status() == RectificationStatus.RECTIFIED || f.status() == RectificationStatus.VERIFIED) {
                throw new RefusedException("", "findings[" + i + "].status", "findings[" + i + "].status: " + f.status()
                        + " is a rectification the ledger records as its own event, by the unit that reports it and "
                        + "the person who re-inspects it; import the finding as found and record those");
            }
            LocalDate day = f.foundOn() != null ? f.foundOn() : facts.assessmentDate();
            if (day == null) {
                throw new RefusedException("", "findings[" + i + "].foundOn", "findings[" + i + "].foundOn: the record "
                        + "names no inspection date (date or foundOn)");
            }
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(f);
        }
        if (byDay.isEmpty()) {
            if (facts.assessmentDate() == null) {
                throw new RefusedException("", "date", "date: the record names no inspection date");
            }
            byDay.put(facts.assessmentDate(), List.of());
        }
        // GB 35181-2025 4.2 b): the record's confirmation that the venue has no real fire risk was made at the
        // inspection of its date (the last one the record names, when it gives no date).
        LocalDate confirmedOn = !facts.noRealFireRisk() ? null
                : facts.assessmentDate() != null ? facts.assessmentDate() : byDay.lastKey();
        if (confirmedOn != null) {
            byDay.computeIfAbsent(confirmedOn, d -> new ArrayList<>());
        }
        List<Entry> entries = new ArrayList<>();
        LocalDate first = byDay.keySet().iterator().next();
        String prefix = "import:" + venueId + ":";
        var registered = ledger.registered(venueId);
        if (registered.isEmpty()) {
            entries.add(Entry.of(prefix + first + ":registered", how.actor(), at(ledger, first, 8),
                    new Event.VenueRegistered(facts.venue(), how.unitId(), how.area())));
        } else if (!registered.get().venue.equals(facts.venue())) {
            entries.add(Entry.of(prefix + first + ":changed:" + Integer.toHexString(facts.venue().hashCode()),
                    how.actor(), at(ledger, first, 8), new Event.VenueChanged(facts.venue(), registered.get().unitId,
                            registered.get().area)));
        }
        for (Map.Entry<LocalDate, List<Finding>> day : byDay.entrySet()) {
            String inspection = prefix + day.getKey() + ":" + how.kind();
            Instant t = at(ledger, day.getKey(), 9);
            entries.add(Entry.of(inspection, how.actor(), t, new Event.InspectionRecorded(inspection, venueId, how.kind(),
                    day.getKey(), List.of(how.actor()), "", day.getKey().equals(confirmedOn))));
            for (Finding f : day.getValue()) {
                String hazardId = venueId + "/" + f.id();
                Finding found = Finding.builder(hazardId, f.hazardCode()).location(f.location())
                        .correctableOnSpot(f.correctableOnSpot()).ratio(f.ratio()).quantity(f.quantity())
                        .expertReviewed(f.expertReviewed()).timesFound(f.timesFound()).party(f.party())
                        .standardRevision(f.standardRevision()).build();
                entries.add(Entry.of(prefix + hazardId + ":found", how.actor(), t, new Event.HazardFound(venueId,
                        inspection, found, f.status() == RectificationStatus.CORRECTED_ON_SPOT, f.plan().deadline(),
                        List.of())));
                if (!f.plan().equals(RectificationPlan.NONE)) {
                    entries.add(Entry.of(prefix + hazardId + ":plan", how.actor(), t.plusSeconds(60),
                            new Event.PlanSet(hazardId, f.plan())));
                }
                if (f.enforcement() != Enforcement.NONE) {
                    entries.add(Entry.of(prefix + hazardId + ":enforcement", how.actor(), t.plusSeconds(120),
                            new Event.EnforcementRecorded(hazardId, f.enforcement(), "imported", how.actor(),
                                    "as the imported venue record states (导入的场所记录所载)")));
                }
            }
        }
        return entries;
    }

    private static Instant at(Ledger ledger, LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ledger.campaign().timeZone()).toInstant();
    }
}
