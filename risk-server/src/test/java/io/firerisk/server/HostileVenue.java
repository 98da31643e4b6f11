package io.firerisk.server;

import io.firerisk.Finding;
import io.firerisk.Venue;
import io.firerisk.ledger.AreaLevel;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Entry;
import io.firerisk.ledger.Event;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A venue whose name and hazard location are hostile (markup, script, an event handler, a spreadsheet
 * formula), recorded in the shared demo ledger once, in the second test unit, on 2024-01-10.
 */
public final class HostileVenue {
    public static final String ID = "HOSTILE-1";
    public static final String NAME = "=1+1<script>alert(\"x\")</script><img src=x onerror=alert(1)>饭店";
    public static final String LOCATION = "</td><script>alert(2)</script>后厨";

    private HostileVenue() {}

    public static synchronized void ensure(Ledger ledger) {
        if (ledger.venue(ID, LocalDate.of(2024, 2, 5)).isPresent()) {
            return;
        }
        Directory d = ledger.directory();
        String unit = TestAccounts.officerUnits(ledger)[1];
        Directory.Area grid = d.areas().values().stream().filter(a -> a.level() == AreaLevel.GRID)
                .min(Comparator.comparing(Directory.Area::code)).orElseThrow();
        String staff = person(d, Role.BUREAU_STAFF);
        String inspector = person(d, Role.INSPECTOR);
        Instant at = Instant.parse("2024-01-10T02:00:00Z");
        Venue v = Venue.builder(ID, "RESTAURANT").name(NAME).street(d.path(grid.code()).stream()
                .filter(a -> a.level() == AreaLevel.STREET).findFirst().orElseThrow().name()).occupantCapacity(80).build();
        ledger.record(List.of(
                Entry.of("hostile-venue", staff, at, new Event.VenueRegistered(v, unit, grid.code())),
                Entry.of("hostile-inspection", inspector, at, new Event.InspectionRecorded("HOSTILE-I-1", ID,
                        InspectionKind.SPOT_CHECK, LocalDate.of(2024, 1, 10), List.of(inspector), "")),
                Entry.of("hostile-hazard", inspector, at, new Event.HazardFound(ID, "HOSTILE-I-1",
                        Finding.builder(ID + "/F1", "GAS_ALARM_NOT_INSTALLED").location(LOCATION).build(), false, null,
                        List.of()))));
    }

    private static String person(Directory d, Role role) {
        return d.people().values().stream().filter(p -> p.roles().contains(role))
                .min(Comparator.comparing(Directory.Person::personId)).orElseThrow().personId();
    }
}
