package io.firerisk.cli;

import io.firerisk.RiskEngine;
import io.firerisk.ledger.Dimension;
import io.firerisk.ledger.HazardQuery;
import io.firerisk.ledger.HazardRow;
import io.firerisk.ledger.HazardState;
import io.firerisk.ledger.HazardView;
import io.firerisk.ledger.InspectionKind;
import io.firerisk.ledger.Ledger;
import io.firerisk.ledger.RecordedEvent;
import io.firerisk.ledger.WeekCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code firerisk ledger …} on the demo ledger generated from the bundled sample: the demo holds
 * something for every state and every report, and each command does what its help says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerCommandTest {

    @TempDir
    Path dir;

    private Path db;
    private Cli.Run demo;

    @BeforeAll
    void generateTheDemo() throws Exception {
        db = Files.createTempDirectory("firerisk-ledger-cli-").resolve("ledger");
        demo = Cli.run("ledger", "demo", "--db", db.toString());
    }

    @AfterAll
    void removeTheDemo() throws Exception {
        try (var walk = Files.walk(db.getParent())) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Ledger open() {
        RiskEngine engine = EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN, false);
        return Ledger.builder().h2(db).campaign(engine).build();
    }

    @Test
    void theDemoFromTheBundledSampleHasSomethingForEveryStateAndEveryReport() {
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("200 venues");
        try (Ledger ledger = open()) {
            LocalDate end = ledger.campaign().calendar().end();
            List<HazardRow> atEnd = ledger.hazards(HazardQuery.builder().asOf(end).page(0, 10_000).build()).items();
            Set<HazardState> states = atEnd.stream().map(HazardRow::state)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(HazardState.class)));
            assertThat(states).as("every state at the campaign's end").containsExactlyInAnyOrder(HazardState.values());
            assertThat(atEnd).anySatisfy(r -> assertThat(r.overdue()).isTrue())
                    .anySatisfy(r -> assertThat(r.supervised()).isTrue())
                    .anySatisfy(r -> assertThat(r.extensionsApproved()).isPositive())
                    .anySatisfy(r -> assertThat(r.failedReinspections()).isPositive())
                    .anySatisfy(r -> assertThat(r.reopenings()).isPositive());
            for (int level = 1; level <= ledger.policy().escalation().levels().size(); level++) {
                int l = level;
                assertThat(atEnd).as("escalation level %s", l).anySatisfy(r -> assertThat(r.escalationLevel()).isEqualTo(l));
            }
            // rectified on time and late, extensions granted and refused, enforcement and 挂牌督办
            List<HazardView> views = atEnd.stream().map(r -> ledger.hazard(r.hazardId(), end).orElseThrow()).toList();
            assertThat(views).anySatisfy(h -> assertThat(h.rectifiedOnTime()).contains(true))
                    .anySatisfy(h -> assertThat(h.rectifiedOnTime()).contains(false))
                    .anySatisfy(h -> assertThat(h.extensions()).anySatisfy(x -> assertThat(x.approved()).isFalse()))
                    .anySatisfy(h -> assertThat(h.enforcement()).isEqualTo(io.firerisk.Enforcement.REFUSED_TO_CORRECT));
            // inspections of every kind in every month of the campaign
            Map<YearMonth, Set<InspectionKind>> kinds = new java.util.TreeMap<>();
            for (int i = 1; i <= 200; i++) {
                String id = String.format("WZ-%04d", i);
                ledger.venue(id, end).ifPresent(v -> v.inspections().forEach(ins -> kinds.computeIfAbsent(
                        YearMonth.from(ins.date()), m -> EnumSet.noneOf(InspectionKind.class)).add(ins.kind())));
            }
            for (YearMonth m = YearMonth.of(2023, 12); !m.isAfter(YearMonth.of(2024, 3)); m = m.plusMonths(1)) {
                assertThat(kinds.get(m)).as("inspection kinds in %s", m).containsExactlyInAnyOrder(InspectionKind.values());
            }
            // the weekly trend has closures and reopenings to show; counts by street × state × grade add up
            List<WeekCounts> weeks = ledger.trend(ledger.campaign().calendar().start(), end, HazardQuery.all());
            assertThat(weeks.stream().mapToInt(WeekCounts::closed).sum()).isPositive();
            assertThat(weeks.stream().mapToInt(WeekCounts::reopened).sum()).isPositive();
            assertThat(weeks.stream().mapToInt(WeekCounts::found).sum()).isEqualTo(atEnd.size());
            assertThat(ledger.counts(HazardQuery.builder().asOf(end).build(), Dimension.STREET, Dimension.STATE,
                    Dimension.GRADE).stream().mapToLong(c -> c.hazards()).sum()).isEqualTo(atEnd.size());
        }
    }

    @Test
    void generatingTheDemoAgainRecordsNothing() {
        Cli.Run again = Cli.run("ledger", "demo", "--db", db.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("(0 recorded now)");
    }

    @Test
    void venueShowsTheStateAndHistoryAsOfADate() {
        Cli.Run run = Cli.run("ledger", "venue", "WZ-0002", "--date", "2024-02-10", "--db", db.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("截至 2024-02-10", "风险等级", "经过：", "登记场所");
        try (Ledger ledger = open()) {
            assertThat(run.out()).contains("WZ-0002 " + ledger.venue("WZ-0002", LocalDate.of(2024, 2, 10)).orElseThrow()
                    .venue().name());
            String history = ledger.timeline("WZ-0002").stream()
                    .filter(e -> !LocalDate.ofInstant(e.happenedAt(), ledger.campaign().timeZone())
                            .isAfter(LocalDate.of(2024, 2, 10)))
                    .map(RecordedEvent::type).map(t -> t.label().zh()).collect(Collectors.joining("|"));
            for (String label : history.split("\\|")) {
                assertThat(run.out()).contains(label);
            }
            assertThat(run.out()).contains(ledger.venue("WZ-0002", LocalDate.of(2024, 2, 10)).orElseThrow().assessment()
                    .grade().label().zh());
        }
        Cli.Run missing = Cli.run("ledger", "venue", "WZ-9999", "--db", db.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("WZ-9999");
    }

    @Test
    void overdueListsWhatWasOverdueOnTheDate() {
        Cli.Run run = Cli.run("ledger", "overdue", "--date", "2024-02-10", "--db", db.toString(), "--limit", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        try (Ledger ledger = open()) {
            List<HazardRow> overdue = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 10)).overdue(true)
                    .sort(HazardQuery.Sort.DAYS_OVERDUE, false).page(0, 5).build()).items();
            long total = ledger.hazards(HazardQuery.builder().asOf(LocalDate.of(2024, 2, 10)).overdue(true).build()).total();
            assertThat(total).isPositive();
            assertThat(run.out()).contains("逾期隐患 " + total + " 项");
            overdue.forEach(r -> assertThat(run.out()).contains(r.hazardId()));
        }
    }

    @Test
    void exportAndImportCarryTheWholeLedger() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Cli.Run export = Cli.run("ledger", "export", "-o", file.toString(), "--db", db.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        Path copy = dir.resolve("copy");
        Cli.Run imported = Cli.run("ledger", "import", file.toString(), "--db", copy.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        long lines = Files.readAllLines(file).size();
        assertThat(imported.out()).contains(lines + " read, " + lines + " recorded, 0 already in the ledger, 0 rejected");
        Path again = dir.resolve("again.jsonl");
        Cli.run("ledger", "export", "-o", again.toString(), "--db", copy.toString());
        assertThat(Files.readString(again)).isEqualTo(Files.readString(file));

        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "not json\n" + Files.readAllLines(file).get(0) + "\n");
        Cli.Run rejected = Cli.run("ledger", "import", bad.toString(), "--db", copy.toString());
        assertThat(rejected.exit()).isEqualTo(LedgerCommand.REJECTED);
        assertThat(rejected.err()).contains(bad + ":1: not an event");
        assertThat(rejected.out()).contains("2 read, 0 recorded, 1 already in the ledger, 1 rejected");
    }

    @Test
    void venueFilesBecomeInspectionsWithEveryRecordAccountedFor() throws Exception {
        // a ledger holding the demo's areas, units and people, and no venue yet
        Path file = dir.resolve("directory.jsonl");
        Cli.run("ledger", "export", "-o", file.toString(), "--db", db.toString());
        List<String> directory = Files.readAllLines(file).stream().filter(l -> l.contains("\"type\":\"AREA_REGISTERED\"")
                || l.contains("\"type\":\"UNIT_REGISTERED\"") || l.contains("\"type\":\"PERSON_REGISTERED\"")).toList();
        Files.write(file, directory);
        Path fresh = dir.resolve("fresh");
        assertThat(Cli.run("ledger", "import", file.toString(), "--db", fresh.toString()).exit()).isZero();

        Path sample = dir.resolve("venues.jsonl");
        try (var in = LedgerCommandTest.class.getClassLoader().getResourceAsStream(InputOptions.SAMPLE)) {
            Files.copy(in, sample);
        }
        String[] args = {"ledger", "import-venues", sample.toString(), "--actor", "P-STAFF-1", "--unit", "SUB-SANITATION",
                "--area", "GR-01-1-1", "--db", fresh.toString()};
        Cli.Run first = Cli.run(args);
        long records = Files.readAllLines(sample).stream().filter(l -> !l.isBlank()).count();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) records read, (\\d+) recorded, (\\d+) already "
                + "in the ledger, (\\d+) rejected").matcher(first.out());
        assertThat(m.find()).as(first.out() + first.err()).isTrue();
        long read = Long.parseLong(m.group(1));
        long recorded = Long.parseLong(m.group(2));
        long rejected = Long.parseLong(m.group(4));
        assertThat(read).isEqualTo(records).isEqualTo(recorded + Long.parseLong(m.group(3)) + rejected);
        assertThat(recorded).isPositive();
        assertThat(rejected).isPositive(); // findings already reported rectified are the unit's to record
        assertThat(first.exit()).isEqualTo(LedgerCommand.REJECTED);
        assertThat(first.err()).contains("venues.jsonl:").contains(".status: RECTIFIED");

        Cli.Run again = Cli.run(args);
        assertThat(again.out()).contains(records + " records read, 0 recorded, " + recorded + " already in the ledger, "
                + rejected + " rejected");
        try (Ledger ledger = Ledger.builder().h2(fresh).campaign(EngineOptions.bundled(EngineOptions.DEFAULT_CAMPAIGN,
                false)).build()) {
            HazardRow any = ledger.hazards(HazardQuery.builder().page(0, 1).build()).items().get(0);
            assertThat(ledger.venue(any.venueId(), any.foundOn()).orElseThrow().hazard(any.hazardId())).isPresent();
        }
    }

    @Test
    void rebuildReplaysTheLog() {
        Cli.Run run = Cli.run("ledger", "rebuild", "--db", db.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        try (Ledger ledger = open()) {
            assertThat(run.out()).contains("replayed " + ledger.eventCount() + " events");
        }
    }

    @Test
    void anUnreachableServerIsAClearError() {
        Cli.Run pg = Cli.run("ledger", "create", "--pg-url", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(pg.exit()).isEqualTo(1);
        assertThat(pg.err()).contains("cannot open the ledger database jdbc:postgresql://127.0.0.1:1/none");
    }
}
