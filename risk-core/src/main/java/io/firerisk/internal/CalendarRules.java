package io.firerisk.internal;

import io.firerisk.Problem;
import io.firerisk.campaign.KeyPeriod;
import io.firerisk.campaign.Phase;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What makes a campaign calendar consistent, so that every date has one answer: each phase and key
 * period has its own code, phases follow one another in date order without gaps, and a key period, with
 * its margin and early warning, lies inside the campaign and apart from the others. Each problem names
 * the field to change.
 */
final class CalendarRules {

    private final List<Problem> problems;

    CalendarRules(List<Problem> problems) {
        this.problems = problems;
    }

    /** False, with the problem recorded, when the code is already used by a phase or key period. */
    boolean uniqueCode(Map<String, String> codes, String code, String what, YamlNode node) {
        String previous = codes.putIfAbsent(code, what + " at " + node.path());
        if (previous != null) {
            problems.add(node.get("code").orElseThrow().problem("'" + code + "' is already the code of the "
                    + previous + ": each phase and key period needs its own code"));
            return true;
        }
        return false;
    }

    /**
     * Checks that a key period, with its margin and its early-warning lead-up, lies inside the
     * campaign: a raised level or a warning on a day the campaign is not in force would never be
     * seen. The problem names the field to change: the dates, the margin or the lead.
     */
    boolean insideCampaign(KeyPeriod period, YamlNode k, YamlNode calendar, LocalDate start, LocalDate end) {
        String campaign = " the campaign (" + start + " to " + end + ")";
        if (period.from().isBefore(start) || period.from().isAfter(end) || period.to().isAfter(end)) {
            String field = period.from().isBefore(start) || period.from().isAfter(end) ? "from" : "to";
            problems.add(k.get(field).orElseThrow().problem("key period " + period.code() + " ("
                    + period.raisedFrom() + " to " + period.raisedTo() + " with its margin) lies outside" + campaign
                    + ": key periods must fall inside the phases"));
            return false;
        }
        if (period.raisedFrom().isBefore(start) || period.raisedTo().isAfter(end)) {
            YamlNode field = k.get("marginDays").orElse(calendar.get("marginDays").orElse(k));
            problems.add(field.problem("a margin of " + period.marginDays() + " days makes key period "
                    + period.code() + " (" + period.from() + " to " + period.to() + ") run from " + period.raisedFrom()
                    + " to " + period.raisedTo() + ", outside" + campaign + ": shorten the margin"));
            return false;
        }
        if (period.leadDays() > 0 && period.warningFrom().isBefore(start)) {
            YamlNode field = k.get("leadDays").orElse(calendar.get("leadDays").orElse(k));
            problems.add(field.problem("an early warning of " + period.leadDays() + " days before key period "
                    + period.code() + " (from " + period.raisedFrom() + ") would start on " + period.warningFrom()
                    + ", before" + campaign + " starts: shorten the lead for this period (keyPeriods[].leadDays)"));
            return false;
        }
        return true;
    }

    /** A phase starts the day after the one listed above it ends: out of order, overlapping or with days between is refused. */
    void followsPrevious(Phase previous, String code, LocalDate from, YamlNode fromNode) {
        if (from.isBefore(previous.from())) {
            problems.add(fromNode.problem("phase " + code + " starts on " + from
                    + ", before phase " + previous.code() + " (" + previous.from() + " to " + previous.to()
                    + ") listed above it: list the phases in date order"));
        } else if (!from.isAfter(previous.to())) {
            problems.add(fromNode.problem("phase " + code + " starts on " + from
                    + ", which overlaps phase " + previous.code() + " (" + previous.from() + " to "
                    + previous.to() + "): phases must follow one another in date order"));
        } else if (from.isAfter(previous.to().plusDays(1))) {
            // A day between phases would count as "campaign in force" with no phase in force.
            problems.add(fromNode.problem("phase " + code + " starts on " + from
                    + " but phase " + previous.code() + " ends on " + previous.to() + ": "
                    + previous.to().plusDays(1) + (from.minusDays(1).equals(previous.to().plusDays(1))
                    ? "" : " to " + from.minusDays(1)) + " would belong to no phase (each phase starts "
                    + "the day after the one before it ends)"));
        }
    }

    /** A key period, with its margin, must not overlap another (the dates of one or the other would have two levels). */
    void apartFromOthers(KeyPeriod period, List<KeyPeriod> periods, YamlNode k, YamlNode calendar) {
        for (KeyPeriod other : periods) {
            if (!period.raisedFrom().isAfter(other.raisedTo()) && !other.raisedFrom().isAfter(period.raisedTo())) {
                boolean datesOverlap = !period.from().isAfter(other.to()) && !other.from().isAfter(period.to());
                YamlNode field = datesOverlap ? k.get("from").orElseThrow()
                        : k.get("marginDays").orElse(calendar.get("marginDays").orElse(k));
                problems.add(field.problem("key period " + period.code() + " overlaps key period " + other.code()
                        + " (" + other.raisedFrom() + " to " + other.raisedTo() + ")"
                        + (datesOverlap ? "" : " once their margins are added: shorten the margin")));
            }
        }
    }
}
