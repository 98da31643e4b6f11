package io.firerisk.server.plans;

import io.firerisk.ledger.AreaLevel;
import io.firerisk.ledger.Directory;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.PlanView;

import java.util.Comparator;
import java.util.List;

/** What the desk's and the public plan pages share: lines with names instead of codes. */
public final class PlanPages {

    /** A street to draw from: its code and name. */
    public record Street(String code, String name) {}

    private PlanPages() {}

    static List<Street> streets(Directory directory) {
        return directory.areas().values().stream().filter(a -> a.level() == AreaLevel.STREET)
                .sorted(Comparator.comparing(Directory.Area::code)).map(a -> new Street(a.code(), a.name())).toList();
    }

    /** The visits with their results; inspectors' names only when {@code withInspectors} (never in public). */
    static List<PlanLine> lines(Ledger ledger, PlanView plan, Directory directory, boolean withInspectors) {
        return ledger.results(plan).stream().map(r -> new PlanLine(r, areaName(directory, r.street()),
                withInspectors ? r.visit().inspectors().stream().map(p -> personName(directory, p)).toList()
                        : List.of())).toList();
    }

    static String areaName(Directory directory, String code) {
        Directory.Area a = directory.areas().get(code);
        return a == null ? code : a.name();
    }

    static String personName(Directory directory, String personId) {
        Directory.Person p = directory.people().get(personId);
        return p == null ? personId : p.name();
    }
    /** A reassignment as the plan page shows it: names, not ids. */
    public record Change(String venueName, String from, String to, String reason, String by, java.time.LocalDate on) {}

    static String venueName(Ledger ledger, String venueId) {
        return ledger.venue(venueId, ledger.today()).map(v -> v.venue().name()).orElse(venueId);
    }
}
