package io.firerisk.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The venues whose outcome differs between two campaigns; see {@link CampaignDiff}.
 *
 * @param before   the first campaign, as {@code id version}
 * @param after    the second campaign, as {@code id version}
 * @param compared how many venues were assessed under both
 * @param changes  the venues that changed, in input order
 */
public record DiffReport(String before, String after, int compared, List<VenueChange> changes) {

    public DiffReport {
        changes = List.copyOf(changes);
    }

    /** How many venues changed in the given way. */
    public long count(VenueChange.Aspect aspect) {
        return changes.stream().filter(c -> c.aspects().contains(aspect)).count();
    }

    /** {@code 200 venues compared, 3 changed: grade 2, verdict 2, suspension 0, actions 3, refused 0}. */
    public String summary() {
        return compared + (compared == 1 ? " venue" : " venues") + " compared, " + changes.size() + " changed: grade "
                + count(VenueChange.Aspect.GRADE) + ", verdict " + count(VenueChange.Aspect.VERDICT) + ", suspension "
                + count(VenueChange.Aspect.SUSPENSION) + ", actions " + count(VenueChange.Aspect.ACTIONS) + ", refused "
                + count(VenueChange.Aspect.REFUSAL);
    }

    /** The whole report as text: which campaign is A and which B, each change, then the summary. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("A = " + before);
        lines.add("B = " + after);
        lines.add("");
        for (VenueChange change : changes) {
            lines.addAll(change.describe("A", "B"));
        }
        if (!changes.isEmpty()) {
            lines.add("");
        }
        lines.add(summary());
        return String.join("\n", lines);
    }
}
