package io.firerisk.cli;

import io.firerisk.io.CsvWriter;
import io.firerisk.io.VenueRecord;
import io.firerisk.AssessedFinding;
import io.firerisk.Assessment;
import io.firerisk.RequiredAction;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One spreadsheet row per venue; input text is kept inert (no formulas). */
final class CsvResultWriter implements ResultWriter {

    static final List<String> COLUMNS = List.of("venueId", "name", "kind", "street", "assessedOn", "grade",
            "verdict", "suspend", "directElements", "comprehensiveElements", "openFindings", "overdueFindings",
            "actions", "nextDue", "nextAction", "alertLevel", "source");

    private final Writer out;
    private final Lang lang;

    CsvResultWriter(Writer out, Lang lang) throws IOException {
        this.out = out;
        this.lang = lang;
        out.write(CsvWriter.row(COLUMNS));
    }

    @Override
    public void write(VenueRecord.Parsed input, Assessment a) throws IOException {
        Optional<RequiredAction> next = a.actions().stream().filter(x -> x.due().isPresent())
                .min(Comparator.comparing((RequiredAction x) -> x.due().get()).thenComparing(RequiredAction::priority));
        long open = a.findings().stream().filter(f -> f.status().isOpen()).count();
        long overdue = a.findings().stream().filter(AssessedFinding::overdue).count();
        List<String> cells = List.of(a.venueId(), input.facts().venue().name(), input.facts().venue().kind(),
                input.facts().venue().street(), a.assessedOn().toString(), a.grade().name(), a.verdict().name(),
                a.suspensionRequired() ? "Y" : "N", String.join(";", a.determination().directElements()),
                String.join(";", a.determination().comprehensiveElements()), String.valueOf(open),
                String.valueOf(overdue), String.valueOf(a.actions().size()),
                next.flatMap(RequiredAction::due).map(LocalDate::toString).orElse(""),
                next.map(x -> lang.of(x.label())).orElse(""), a.calendar().alertLevel().code(),
                input.origin().toString());
        out.write(CsvWriter.row(cells));
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
