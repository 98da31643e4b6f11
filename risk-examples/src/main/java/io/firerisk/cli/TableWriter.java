package io.firerisk.cli;

import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;
import io.firerisk.RequiredAction;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;

/** The console table: one line per venue, columns aligned for Chinese names, the summary last. */
final class TableWriter implements ResultWriter {

    private final PrintWriter out;

    TableWriter(PrintWriter out) {
        this.out = out;
        out.println(Width.pad("venue", 12) + Width.pad("name", 26) + Width.pad("grade", 8) + Width.pad("verdict", 18)
                + Width.pad("stop", 6) + Width.pad("actions", 9) + "next deadline");
    }

    @Override
    public void write(VenueRecord.Parsed input, Assessment a) {
        String next = a.actions().stream().map(RequiredAction::due).flatMap(Optional::stream)
                .min(LocalDate::compareTo).map(LocalDate::toString).orElse("-");
        out.println(Width.pad(Width.fit(Safe.text(a.venueId()), 11), 12)
                + Width.pad(Width.fit(Safe.text(input.facts().venue().name()), 25), 26)
                + Width.pad(a.grade().name(), 8)
                + Width.pad(a.verdict().name(), 18)
                + Width.pad(a.suspensionRequired() ? "YES" : "-", 6)
                + Width.pad(String.valueOf(a.actions().size()), 9)
                + next);
    }

    @Override
    public void finish(Summary summary) {
        out.println();
        out.println(summary.line());
    }

    @Override
    public void close() {
        out.flush();
    }
}
