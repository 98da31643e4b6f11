package io.firerisk.ledger;

import io.firerisk.Assessment;
import io.firerisk.HazardVerdict;
import io.firerisk.Label;
import io.firerisk.io.VenueReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs of GB 35181-2025 4.2 a) and b) through the ledger: a finding's {@code standardRevision} (on the
 * HazardFound event's finding) and an inspection's confirmation that a venue out of use has no real fire risk
 * (on the InspectionRecorded event, projected to ledger_inspection), from a venue import to the engine's result, as
 * the ledger stands, after a rebuild and after an export imported into another ledger.
 */
class ExclusionInputsTest {

    @Nested
    class OnH2 extends ExclusionInputsSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ExclusionInputsSpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class ExclusionInputsSpec {

    /** After GB 35181-2025 came into force, so the import's dates are in the past. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), World.ZONE);
    static final LocalDate DAY = LocalDate.of(2025, 11, 15);
    static final String RECORDS = String.join("\n",
            // A stopped KTV confirmed on site without real fire risk, with too few exits
            "{\"id\":\"KTV-1\",\"name\":\"星光KTV\",\"kind\":\"ENTERTAINMENT\",\"occupants\":200,\"status\":\"SUSPENDED\","
                    + "\"date\":\"2025-11-15\",\"noRealFireRisk\":true,"
                    + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\",\"location\":\"二楼\"}]}",
            // An open KTV whose too few exits arise only from a standard's revision
            "{\"id\":\"KTV-2\",\"name\":\"月光KTV\",\"kind\":\"ENTERTAINMENT\",\"occupants\":200,\"date\":\"2025-11-15\","
                    + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\",\"location\":\"二楼\",\"standardRevision\":\"CAUSED\"}]}",
            // The same as the first, not confirmed
            "{\"id\":\"KTV-3\",\"name\":\"阳光KTV\",\"kind\":\"ENTERTAINMENT\",\"occupants\":200,\"status\":\"SUSPENDED\","
                    + "\"date\":\"2025-11-15\",\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\",\"location\":\"二楼\"}]}")
            + "\n";

    final World world = new World();
    final List<TestDatabase> databases = new ArrayList<>();
    final List<Ledger> ledgers = new ArrayList<>();
    Ledger ledger;

    abstract TestDatabase database();

    Ledger open() {
        TestDatabase db = database();
        databases.add(db);
        Ledger l = db.configure(Ledger.builder()).campaign(World.engine()).clock(CLOCK).build();
        ledgers.add(l);
        return l;
    }

    @BeforeEach
    void importVenues() throws Exception {
        ledger = open();
        world.setUp(ledger);
        ImportReport report = ledger.importVenues(VenueReader.jsonLines(new ByteArrayInputStream(
                RECORDS.getBytes(StandardCharsets.UTF_8)), "venues.jsonl", StandardCharsets.UTF_8, -1),
                new VenueImport(World.STAFF, InspectionKind.SPOT_CHECK, "ENT-LAOZHANG", "GR-LD-1-01"));
        assertThat(report.rejects()).isEmpty();
        assertThat(report.recorded()).isEqualTo(3);
    }

    @AfterEach
    void close() {
        ledgers.forEach(Ledger::close);
        databases.forEach(TestDatabase::close);
    }

    private static List<String> exclusions(Assessment a) {
        return a.determination().exclusions().stream().map(Label::code).toList();
    }

    /** What the engine says of each record read directly, without the ledger. */
    private static Assessment direct(int line) {
        var parsed = (io.firerisk.io.VenueRecord.Parsed) VenueReader.jsonLine(new io.firerisk.io.Origin("venues.jsonl",
                line), RECORDS.split("\n")[line - 1]);
        return World.engine().assess(parsed.facts());
    }

    @Test
    void theLedgerAssessesAnImportedVenueAsTheEngineAssessesItsRecord() {
        Assessment confirmed = ledger.assess("KTV-1", DAY).orElseThrow();
        Assessment revised = ledger.assess("KTV-2", DAY).orElseThrow();
        Assessment unconfirmed = ledger.assess("KTV-3", DAY).orElseThrow();

        // Then 4.2 b) excludes the confirmed venue, as on its record
        assertThat(exclusions(confirmed)).containsExactly("OUT_OF_USE_NO_REAL_RISK").isEqualTo(exclusions(direct(1)));
        assertThat(confirmed.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR).isEqualTo(direct(1).verdict());
        // And 4.2 a) leaves the revision out
        assertThat(revised.determination().directElements()).isEmpty();
        assertThat(revised.verdict()).isEqualTo(direct(2).verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        // And the unconfirmed venue is still a suspected major hazard
        assertThat(unconfirmed.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR).isEqualTo(direct(3).verdict());
        // And the inspection is listed with its confirmation
        assertThat(ledger.inspections(DAY, DAY)).filteredOn(i -> i.venueId().equals("KTV-1"))
                .singleElement().satisfies(i -> assertThat(i.noRealFireRisk()).isTrue());
        assertThat(ledger.inspections(DAY, DAY)).filteredOn(i -> !i.venueId().equals("KTV-1"))
                .isNotEmpty().allSatisfy(i -> assertThat(i.noRealFireRisk()).isFalse());
    }

    @Test
    void aRebuildAndAnExportImportedIntoAnotherLedgerGiveTheSameFacts() throws Exception {
        // Given the projections rebuilt from the log, and the log exported and imported into a second ledger
        ledger.rebuildProjections();
        StringWriter export = new StringWriter();
        ledger.exportEvents(export);
        Ledger copy = open();
        ImportReport report = copy.importEvents(new StringReader(export.toString()), "export.jsonl", n -> { });
        assertThat(report.rejects()).isEmpty();

        // Then both give the confirmation and the revision as first recorded
        for (Ledger l : List.of(ledger, copy)) {
            assertThat(exclusions(l.assess("KTV-1", DAY).orElseThrow())).containsExactly("OUT_OF_USE_NO_REAL_RISK");
            assertThat(l.assess("KTV-2", DAY).orElseThrow().determination().directElements()).isEmpty();
            assertThat(l.assess("KTV-3", DAY).orElseThrow().verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
            assertThat(l.inspections(DAY, DAY)).filteredOn(i -> i.venueId().equals("KTV-1"))
                    .singleElement().satisfies(i -> assertThat(i.noRealFireRisk()).isTrue());
        }
        // And the export writes the confirmation only where it was made
        assertThat(export.toString().lines().filter(line -> line.contains("\"noRealFireRisk\"")))
                .singleElement().satisfies(line -> assertThat(line).contains("KTV-1", "\"noRealFireRisk\":true"));
    }

    @Test
    void aNextInspectionWithoutTheConfirmationEndsIt() {
        // Given the confirmed KTV inspected again on 2025-11-20, confirming nothing
        ledger.record(world.entry(World.STAFF, World.at("2025-11-20", 10), new Event.InspectionRecorded("I-KTV-1-1120",
                "KTV-1", InspectionKind.SPOT_CHECK, LocalDate.of(2025, 11, 20), List.of(World.STAFF), "复查")));

        // Then the exclusion holds up to the 19th and not from the 20th
        assertThat(exclusions(ledger.assess("KTV-1", LocalDate.of(2025, 11, 19)).orElseThrow()))
                .containsExactly("OUT_OF_USE_NO_REAL_RISK");
        assertThat(exclusions(ledger.assess("KTV-1", LocalDate.of(2025, 11, 20)).orElseThrow())).isEmpty();
        assertThat(ledger.assess("KTV-1", LocalDate.of(2025, 11, 20)).orElseThrow().verdict())
                .isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
    }

    @Test
    void anExportedLineWhoseConfirmationIsNeitherTrueNorFalseIsRejectedAtItsLineNamingTheField() throws Exception {
        // Given the export with the confirmation spoilt on its line
        StringWriter export = new StringWriter();
        ledger.exportEvents(export);
        List<String> lines = export.toString().lines().toList();
        int spoilt = 0;
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("\"noRealFireRisk\":true")) {
                line = line.replace("\"noRealFireRisk\":true", "\"noRealFireRisk\":\"maybe\"");
                spoilt = i + 1;
            }
            changed.append(line).append('\n');
        }
        assertThat(spoilt).isPositive();
        int spoiltLine = spoilt;

        ImportReport report = open().importEvents(new StringReader(changed.toString()), "export.jsonl", n -> { });

        // Then that line is rejected, at its number, naming the field; the hazard found at that inspection is rejected
        // for want of it, never recorded against nothing; the rest is recorded
        assertThat(report.rejects()).hasSize(2);
        assertThat(report.rejects().get(0)).satisfies(r -> {
            assertThat(r.line()).isEqualTo(spoiltLine);
            assertThat(r.message()).contains("event.noRealFireRisk", "maybe");
        });
        assertThat(report.rejects().get(1).message()).contains("no recorded inspection");
        assertThat(report.recorded()).isEqualTo(lines.size() - 2);
    }
}
