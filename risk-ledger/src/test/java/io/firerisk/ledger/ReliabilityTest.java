package io.firerisk.ledger;

import io.firerisk.Finding;
import io.firerisk.RectificationPlan;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.firerisk.ledger.World.INSPECTOR;
import static io.firerisk.ledger.World.RESTAURANT;
import static io.firerisk.ledger.World.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger under stress: an export re-imported loses nothing; an import killed with {@code kill -9}
 * half-way leaves whole events only and a second run records the rest once; eight writers on
 * overlapping hazards lose no update, every conflict is reported and the end state is the replay.
 */
class ReliabilityTest {

    @Nested
    class OnH2 extends ReliabilitySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.h2();
        }
    }

    @Nested
    class OnPostgres extends ReliabilitySpec {
        @Override
        TestDatabase database() {
            return TestDatabase.postgres();
        }
    }
}

abstract class ReliabilitySpec {

    abstract TestDatabase database();

    private static String export(Ledger ledger) {
        StringWriter out = new StringWriter();
        ledger.exportEvents(out);
        return out.toString();
    }

    private static String demoExport(int venues) {
        try (TestDatabase scratch = TestDatabase.h2(); Ledger ledger = World.open(scratch)) {
            DemoLedger.generate(ledger, Samples.venues(venues, 5), 5);
            return export(ledger);
        }
    }

    @Test
    void anExportReimportedIsTheSameLedger() {
        String exported = demoExport(30);
        try (TestDatabase db = database(); Ledger ledger = World.open(db)) {
            ImportReport report = ledger.importEvents(new StringReader(exported), "export", n -> { });
            long lines = exported.lines().count();
            assertThat(report.rejects()).isEmpty();
            assertThat(report.read()).isEqualTo(lines);
            assertThat(report.recorded()).isEqualTo(lines);
            assertThat(export(ledger)).isEqualTo(exported);
            ImportReport again = ledger.importEvents(new StringReader(exported), "export", n -> { });
            assertThat(again.recorded()).isZero();
            assertThat(again.alreadyRecorded()).isEqualTo(lines);
            List<HazardRow> imported = ledger.hazards(HazardQuery.builder().page(0, 10_000)
                    .sort(HazardQuery.Sort.HAZARD_ID, true).build()).items();
            ledger.rebuildProjections();
            assertThat(ledger.hazards(HazardQuery.builder().page(0, 10_000).sort(HazardQuery.Sort.HAZARD_ID, true).build())
                    .items()).isEqualTo(imported);
        }
    }

    @Test
    void aLogWithAnExtensionGrantedToADayAlreadyPastRestoresUnchangedThoughALiveGrantOfItIsRefused() {
        String hazard = "WZ-0002/F1";
        try (TestDatabase scratch = TestDatabase.h2(); Ledger old = World.open(scratch);
                TestDatabase db = database(); Ledger kept = World.open(db); TestDatabase db2 = database();
                Ledger restored = World.open(db2)) {
            // Given a ledger whose hazard has an extension requested on its deadline to five days later
            World world = new World();
            world.setUp(old);
            world.inspect(old, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR,
                    Finding.builder(hazard, "GAS_ALARM_NOT_INSTALLED").location("后厨").build());
            java.time.LocalDate inForce = old.hazard(hazard).orElseThrow().deadline();
            old.record(world.entry(World.OFFICER, World.at(inForce.toString(), 15),
                    new Event.ExtensionRequested(hazard, inForce.plusDays(5), "材料未到")));
            // And its log as the ledger kept it before the past-day rule: the grant decided two days after the
            // day granted (built as events, as the old rule recorded it), then the unit's report that follows
            Entry lateGrant = world.entry(STAFF, World.at(inForce.plusDays(7).toString(), 15),
                    new Event.ExtensionApproved(hazard, inForce.plusDays(5), "同意"));
            Entry report = world.entry(World.OFFICER, World.at(inForce.plusDays(8).toString(), 15),
                    new Event.RectificationReported(hazard, "已安装报警器", List.of(World.photo("alarm.jpg"))));
            String log = export(old) + lateGrant.toJsonLine() + "\n" + report.toJsonLine() + "\n";
            ImportReport first = kept.importEvents(new StringReader(log), "old.jsonl", n -> { });
            assertThat(first.rejects()).isEmpty();
            String exported = export(kept);

            // When that export is imported into an empty ledger
            ImportReport again = restored.importEvents(new StringReader(exported), "export.jsonl", n -> { });

            // Then every event is recorded, the export is the same, and the hazard is where the old ledger left it
            assertRestoredWhole(again, restored, exported);
            HazardView h = restored.hazard(hazard).orElseThrow();
            assertThat(h.deadline()).isEqualTo(inForce.plusDays(5));
            assertThat(h.state()).isEqualTo(HazardState.AWAITING_VERIFICATION);
            // But the same grant written live today is refused, naming the field and the rule
            RefusedException live = org.assertj.core.api.Assertions.catchThrowableOfType(RefusedException.class,
                    () -> old.record(lateGrant));
            assertThat(live).isNotNull();
            assertThat(live.field()).isEqualTo("event.until");
            assertThat(live.getMessage()).contains("before the day of the decision");
        }
    }

    @Test
    void aLogWithAPersonChangeDatedBeforeTheirLastChangeRestoresThoughALiveChangeOfItIsRefused() {
        try (TestDatabase scratch = TestDatabase.h2(); Ledger old = World.open(scratch);
                TestDatabase db = database(); Ledger kept = World.open(db); TestDatabase db2 = database();
                Ledger restored = World.open(db2)) {
            // Given a ledger kept before the person-change order rule: the inspector's change of 2023-12-05, then a
            // change dated 2023-12-03 recorded after it, and its export
            World world = new World();
            world.setUp(old);
            Entry later = world.entry("admin", World.at("2023-12-05", 9),
                    new Event.PersonChanged(INSPECTOR, "赵检查员", "BUREAU-SAFETY", java.util.Set.of(Role.INSPECTOR)));
            Entry backDated = world.entry("admin", World.at("2023-12-03", 9),
                    new Event.PersonChanged(INSPECTOR, "赵检查员（组长）", "BUREAU-SAFETY",
                            java.util.Set.of(Role.INSPECTOR, Role.REVIEWER)));
            String log = export(old) + later.toJsonLine() + "\n" + backDated.toJsonLine() + "\n";
            assertThat(kept.importEvents(new StringReader(log), "old.jsonl", n -> { }).rejects()).isEmpty();
            String exported = export(kept);

            // When that export is imported into an empty ledger (a restore, a move to PostgreSQL)
            ImportReport again = restored.importEvents(new StringReader(exported), "export.jsonl", n -> { });

            // Then every event is recorded, the export is the same, and so is the directory authorization reads
            assertRestoredWhole(again, restored, exported);
            assertThat(restored.directory().people().get(INSPECTOR)).isEqualTo(kept.directory().people().get(INSPECTOR));
            // But the same change written live is refused, naming the field and the rule
            old.record(later);
            RefusedException live = org.assertj.core.api.Assertions.catchThrowableOfType(RefusedException.class,
                    () -> old.record(backDated));
            assertThat(live).isNotNull();
            assertThat(live.field()).isEqualTo("happenedAt");
            assertThat(live.getMessage()).contains("before the last change of person");
        }
    }

    /** Every line of the export recorded, none refused, and the restored ledger exports the same lines. */
    private static void assertRestoredWhole(ImportReport again, Ledger restored, String exported) {
        assertThat(again.rejects()).isEmpty();
        assertThat(again.recorded()).isEqualTo(exported.lines().count());
        assertThat(export(restored)).isEqualTo(exported);
    }

    @Test
    void everyBadLineOfAnImportIsReportedAndTheRestRecorded() {
        String exported = demoExport(5);
        List<String> lines = new ArrayList<>(exported.lines().toList());
        int total = lines.size();
        String closedTooEarly = lines.stream().filter(l -> l.contains("\"type\":\"HAZARD_CLOSED\"")).findFirst()
                .orElseThrow();
        lines.add(3, "this is not JSON");
        lines.add(5, "{\"eventId\":\"x-1\",\"type\":\"NO_SUCH_TYPE\",\"actor\":\"a\",\"happenedAt\":\"2024-01-01T00:00:00Z\","
                + "\"event\":{}}");
        // a closure moved before the inspections: its hazard does not exist yet when it is read
        int firstInspection = lines.indexOf(lines.stream().filter(l -> l.contains("\"type\":\"INSPECTION_RECORDED\""))
                .findFirst().orElseThrow());
        lines.add(firstInspection, closedTooEarly.replace("\"eventId\":\"", "\"eventId\":\"early-"));
        try (TestDatabase db = database(); Ledger ledger = World.open(db)) {
            ImportReport report = ledger.importEvents(new StringReader(String.join("\n", lines)), "bad", n -> { });
            assertThat(report.read()).isEqualTo(total + 3);
            assertThat(report.recorded()).isEqualTo(total);
            assertThat(report.rejects()).extracting(ImportReport.Reject::line).containsExactly(4L, 6L,
                    firstInspection + 1L);
            assertThat(report.rejects().get(0).message()).contains("not an event");
            assertThat(report.rejects().get(1).message()).contains("NO_SUCH_TYPE");
            assertThat(report.rejects().get(2).field()).isEqualTo("event.hazardId");
            assertThat(report.read()).isEqualTo(report.recorded() + report.alreadyRecorded() + report.rejects().size());
        }
    }

    @Test
    void anImportKilledHalfWayKeepsWholeEventsAndARerunRecordsTheRestOnce() throws Exception {
        String exported = demoExport(40);
        List<String> lines = exported.lines().toList();
        try (TestDatabase db = database()) {
            Path file = Files.createTempFile("ledger-import-", ".jsonl");
            try {
                Files.writeString(file, exported, StandardCharsets.UTF_8);
                try (Ledger ledger = World.open(db)) {
                    assertThat(ledger.eventCount()).isZero(); // the tables exist before the child starts
                }
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", System.getProperty("java.class.path"), ImportChild.class.getName()));
                command.addAll(Arrays.asList(db.args()));
                command.add(file.toString());
                Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
                long acknowledged = 0;
                List<String> output = new ArrayList<>();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        output.add(line);
                        if (line.startsWith("committed ")) {
                            acknowledged = Long.parseLong(line.substring("committed ".length()));
                            if (acknowledged >= lines.size() / 3) {
                                child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM
                                break;
                            }
                        }
                    }
                }
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(acknowledged).as("child output: %s", output).isPositive().isLessThan(lines.size());

                try (Ledger ledger = World.open(db)) {
                    String kept = export(ledger);
                    List<String> keptLines = kept.lines().toList();
                    assertThat((long) keptLines.size()).as("every acknowledged event survived")
                            .isGreaterThanOrEqualTo(acknowledged);
                    assertThat(keptLines).as("whole events only, exactly as in the file")
                            .isEqualTo(lines.subList(0, keptLines.size()));

                    ImportReport rerun = ledger.importEvents(file);
                    assertThat(rerun.rejects()).isEmpty();
                    assertThat(rerun.alreadyRecorded()).isEqualTo(keptLines.size());
                    assertThat(rerun.recorded()).isEqualTo(lines.size() - keptLines.size());
                    assertThat(export(ledger)).isEqualTo(exported);
                    List<HazardRow> projected = ledger.hazards(HazardQuery.builder().page(0, 10_000)
                            .sort(HazardQuery.Sort.HAZARD_ID, true).build()).items();
                    ledger.rebuildProjections();
                    assertThat(ledger.hazards(HazardQuery.builder().page(0, 10_000).sort(HazardQuery.Sort.HAZARD_ID, true)
                            .build()).items()).isEqualTo(projected);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void eightWritersOnOverlappingHazardsLoseNoUpdateAndEveryConflictIsReported() throws Exception {
        World world = new World();
        try (TestDatabase db = database(); Ledger ledger = World.open(db)) {
            world.setUp(ledger);
            Finding[] findings = new Finding[6];
            for (int i = 0; i < findings.length; i++) {
                findings[i] = Finding.builder("WZ-0002/F" + (i + 1), "FIRE_EXTINGUISHER_INVALID").location("区域" + i).build();
            }
            world.inspect(ledger, "I-1", RESTAURANT, InspectionKind.SPOT_CHECK, "2023-12-11", INSPECTOR, findings);

            AtomicLong clock = new AtomicLong();
            Instant base = World.at("2023-12-12", 8);
            Map<String, List<String>> accepted = new ConcurrentHashMap<>();
            List<ConflictException> conflicts = new CopyOnWriteArrayList<>();
            AtomicInteger attempts = new AtomicInteger();
            int writers = 8;
            int perWriter = 15;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    Random random = new Random(writer);
                    for (int op = 0; op < perWriter; op++) {
                        String hazard = findings[random.nextInt(3) + (writer % 2) * 3].id(); // four writers on each three hazards
                        String marker = "writer " + writer + " op " + op;
                        while (true) {
                            int seen = ledger.hazard(hazard).orElseThrow().version();
                            Instant at = base.plus(Duration.ofSeconds(clock.incrementAndGet()));
                            RectificationPlan plan = new RectificationPlan("责任人" + writer, marker, null, "", "");
                            Entry entry = Entry.of("w" + writer + "-" + op + "-" + attempts.incrementAndGet(), STAFF, at,
                                    new Event.PlanSet(hazard, plan)).expecting(seen);
                            try {
                                ledger.record(entry);
                                accepted.computeIfAbsent(hazard, k -> new CopyOnWriteArrayList<>()).add(marker);
                                break;
                            } catch (ConflictException e) {
                                assertThat(e.stream()).isEqualTo("hazard:" + hazard);
                                assertThat(e.since()).isNotEmpty();
                                conflicts.add(e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            int successes = accepted.values().stream().mapToInt(List::size).sum();
            assertThat(successes).isEqualTo(writers * perWriter);
            assertThat(conflicts.size()).as("every failed attempt was a reported conflict")
                    .isEqualTo(attempts.get() - successes);
            for (Finding f : findings) {
                HazardView h = ledger.hazard(f.id()).orElseThrow();
                List<String> plans = h.plans().stream().map(p -> p.plan().measures()).toList();
                assertThat(plans).as("no lost update on %s", f.id())
                        .containsExactlyInAnyOrderElementsOf(accepted.getOrDefault(f.id(), List.of()));
                assertThat(h.version()).isEqualTo(1 + plans.size());
            }
            List<HazardRow> kept = ledger.hazards(HazardQuery.builder().sort(HazardQuery.Sort.HAZARD_ID, true).build())
                    .items();
            assertThat(kept).isEqualTo(ledger.hazards(HazardQuery.builder().asOf(ledger.today())
                    .sort(HazardQuery.Sort.HAZARD_ID, true).build()).items());
            ledger.rebuildProjections();
            assertThat(ledger.hazards(HazardQuery.builder().sort(HazardQuery.Sort.HAZARD_ID, true).build()).items())
                    .isEqualTo(kept);
        }
    }
}
