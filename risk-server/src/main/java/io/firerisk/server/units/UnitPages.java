package io.firerisk.server.units;

import io.firerisk.ledger.EducationView;
import io.firerisk.ledger.InspectionView;
import io.firerisk.ledger.LedgerPolicy;
import io.firerisk.ledger.VenueListing;

import java.util.List;

/** What the unit pages show, as records the templates read. */
public final class UnitPages {

    private UnitPages() {}

    /** A unit in the index. */
    public record UnitLink(String unitId, String name) {}

    /** A venue of the unit and the checklists that fit it. */
    public record VenueWork(VenueListing venue, String kindLabel, List<LedgerPolicy.Checklist> checklists) {
        public VenueWork {
            checklists = List.copyOf(checklists);
        }
    }

    /** A self-inspection of the unit, with the venue's name and how many hazards it recorded. */
    public record SelfInspection(InspectionView inspection, String venueName, long hazards) {}

    /** An education activity with its label. */
    public record Education(EducationView activity, String label) {}

    /** One item of a checklist form: its code and what it says. */
    public record Item(String code, String label) {}

    /** A group of a checklist form. */
    public record Group(String label, List<Item> items) {
        public Group {
            items = List.copyOf(items);
        }
    }
}
