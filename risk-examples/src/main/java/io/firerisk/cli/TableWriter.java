package io.firerisk.cli;

import io.firerisk.io.VenueRecord;
import io.firerisk.Assessment;
import io.firerisk.RequiredAction;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Optional;

/** The console table: one line per venue, columns aligned for Chinese names, the summary last. */
final class TableWriter implements ResultWriter {

    private static final String NEWLINE = System.lineSeparator();

    private final Writer out;

    TableWriter(Writer out) throws IOException {
        this.out = out;
        out.write(Width.pad("venue", 12) + Width.pad("name", 26) + Width.pad("grade", 8) + Width.pad("verdict", 18)
                + Width.pad("stop", 6) + Width.pad("actions", 9) + "next deadline" + NEWLINE);
    }

    @Override
    public void write(VenueRecord.Parsed input, Assessment a) throws IOException {
        String next = a.actions().stream().map(RequiredAction::due).flatMap(Optional::stream)
                .min(LocalDate::compareTo).map(LocalDate::toString).orElse("-");
        out.write(Width.pad(Width.fit(Safe.text(a.venueId()), 11), 12)
                + Width.pad(Width.fit(Safe.text(input.facts().venue().name()), 25), 26)
                + Width.pad(a.grade().name(), 8)
                + Width.pad(a.verdict().name(), 18)
                + Width.pad(a.suspensionRequired() ? "YES" : "-", 6)
                + Width.pad(String.valueOf(a.actions().size()), 9)
                + next + NEWLINE);
    }

    @Override
    public void finish(Summary summary) throws IOException {
        out.write(NEWLINE + summary.line() + NEWLINE);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
