package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firerisk plan-inspections}: 双随机、一公开 with re-inspections, reproducible, never the same inspector twice running. */
class PlanInspectionsCommandTest {

    private static final String ROSTER = Cli.fixture("roster.csv").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    /** The sample's venues as assessed on the plan date: id to grade. */
    private static Map<String, String> grades;
    /** Sample venues with a finding reported rectified, with those findings. */
    private static Map<String, String> rectified;

    @BeforeAll
    static void assessTheSample() throws IOException {
        Path out = shared.resolve("sample.jsonl");
        Cli.run("assess", "--date", "2024-02-20", "-f", "jsonl", "-o", out.toString(), "--rejects",
                shared.resolve("r.csv").toString());
        grades = new HashMap<>();
        rectified = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode n = JSON.readTree(line);
            grades.put(n.get("venueId").asText(), n.get("grade").asText());
            List<String> ids = new ArrayList<>();
            n.get("findings").forEach(f -> {
                if (f.get("status").asText().equals("RECTIFIED")) {
                    ids.add(f.get("id").asText());
                }
            });
            if (!ids.isEmpty()) {
                rectified.put(n.get("venueId").asText(), String.join(";", ids));
            }
        }
    }

    private List<Map<String, String>> plan(Path out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("plan-inspections", "--roster", ROSTER, "--date", "2024-02-20", "-o",
                out.toString(), "--rejects", dir.resolve("rejects.csv").toString()));
        args.addAll(List.of(more));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isZero();
        return Csv.read(out);
    }

    private static Set<String> drawn(List<Map<String, String>> plan) {
        return plan.stream().filter(r -> r.get("reason").equals("DRAWN")).map(r -> r.get("venueId")).collect(Collectors.toSet());
    }

    @Test
    void theSameSeedDrawsTheSamePlanAndTheSeedIsWrittenInIt() throws IOException {
        List<Map<String, String>> first = plan(dir.resolve("a.csv"), "--seed", "42");
        List<Map<String, String>> again = plan(dir.resolve("b.csv"), "--seed", "42");

        assertThat(Files.readAllLines(dir.resolve("b.csv"))).isEqualTo(Files.readAllLines(dir.resolve("a.csv")));
        assertThat(drawn(first)).hasSize(20);
        assertThat(first).allSatisfy(r -> {
            assertThat(r.get("seed")).isEqualTo("42");
            assertThat(r.get("planDate")).isEqualTo("2024-02-20");
            assertThat(r.get("inspectorIds").split(";")).hasSize(2).doesNotHaveDuplicates();
        });
        assertThat(again).hasSameSizeAs(first);
    }

    @Test
    void anotherSeedDrawsAnotherPlan() throws IOException {
        assertThat(drawn(plan(dir.resolve("a.csv"), "--seed", "1")))
                .isNotEqualTo(drawn(plan(dir.resolve("b.csv"), "--seed", "2")));
    }

    @Test
    void theDrawDoesNotDependOnTheOrderOfTheInput() throws IOException {
        // Given the sample with its lines reversed
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../risk-rules/src/main/resources/samples/wanzhou-venues.jsonl")));
        Collections.reverse(lines);
        Path reversed = dir.resolve("reversed.jsonl");
        Files.write(reversed, lines);

        // When drawing with the same seed
        Set<String> fromSample = drawn(plan(dir.resolve("a.csv"), "--seed", "7"));
        Set<String> fromReversed = drawn(plan(dir.resolve("b.csv"), reversed.toString(), "--seed", "7"));

        // Then the same venues are drawn: anyone can check a published draw from the seed and the list
        assertThat(fromReversed).isEqualTo(fromSample);
    }

    @Test
    void everyVenueWithAHazardReportedRectifiedIsReinspectedWhateverTheDraw() throws IOException {
        // Given no venue to draw at random at all
        List<Map<String, String>> plan = plan(dir.resolve("a.csv"), "--seed", "3", "--count", "0");

        // Then the plan is exactly the re-inspections (回头看), each naming the findings to check
        assertThat(rectified).isNotEmpty();
        assertThat(plan).allSatisfy(r -> assertThat(r.get("reason")).isEqualTo("REINSPECTION"));
        assertThat(plan.stream().collect(Collectors.toMap(r -> r.get("venueId"), r -> r.get("reinspectFindings"))))
                .isEqualTo(rectified);
    }

    @Test
    void heavierGradesAreDrawnMoreOften() throws IOException {
        // Given twenty draws of 10 venues with different seeds
        Map<String, Integer> drawnByGrade = new HashMap<>();
        for (int seed = 1; seed <= 20; seed++) {
            for (String id : drawn(plan(dir.resolve("p" + seed + ".csv"), "--seed", String.valueOf(seed), "--count", "10"))) {
                drawnByGrade.merge(grades.get(id), 1, Integer::sum);
            }
        }
        // Then a RED venue is drawn several times as often as a BLUE one (weights 8 and 1)
        Map<String, Long> candidates = grades.entrySet().stream().filter(e -> !rectified.containsKey(e.getKey()))
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.counting()));
        double red = drawnByGrade.getOrDefault("RED", 0) / (double) candidates.get("RED");
        double blue = drawnByGrade.getOrDefault("BLUE", 0) / (double) candidates.get("BLUE");
        assertThat(red).isGreaterThan(3 * blue);
    }

    @Test
    void noInspectorGoesToTheSameVenueTwiceRunning() throws IOException {
        // Given last month's plan
        Path previous = dir.resolve("previous.csv");
        List<Map<String, String>> before = plan(previous, "--seed", "11");

        // When drawing this month's with it
        List<Map<String, String>> now = plan(dir.resolve("now.csv"), "--seed", "12", "--previous", previous.toString());

        // Then no venue in both plans has an inspector it had last time (re-inspections are in both)
        Map<String, Set<String>> last = before.stream().collect(Collectors.toMap(r -> r.get("venueId"),
                r -> Set.of(r.get("inspectorIds").split(";"))));
        List<Map<String, String>> repeatedVenues = now.stream().filter(r -> last.containsKey(r.get("venueId"))).toList();
        assertThat(repeatedVenues).isNotEmpty().allSatisfy(r -> {
            Set<String> overlap = new HashSet<>(Set.of(r.get("inspectorIds").split(";")));
            overlap.retainAll(last.get(r.get("venueId")));
            assertThat(overlap).as(r.get("venueId")).isEmpty();
            assertThat(r.get("note")).isEmpty();
        });
    }

    @Test
    void aRosterTooSmallToAvoidARepeatSaysSoOnTheRow() throws IOException {
        // Given a roster of two, and a previous plan that sent both to every venue
        Path roster = dir.resolve("two.csv");
        Files.writeString(roster, "id,name\nA,甲\nB,乙\n");
        Path previous = dir.resolve("previous.csv");
        Cli.Run first = Cli.run("plan-inspections", "--roster", roster.toString(), "--date", "2024-02-20", "--seed", "5",
                "--count", "0", "-o", previous.toString(), "--rejects", dir.resolve("r.csv").toString());
        assertThat(first.exit()).isZero();

        // When planning again with it
        Cli.Run again = Cli.run("plan-inspections", "--roster", roster.toString(), "--date", "2024-02-21", "--seed", "6",
                "--count", "0", "--previous", previous.toString(), "-o", dir.resolve("now.csv").toString(),
                "--rejects", dir.resolve("r.csv").toString());

        // Then the repeats are flagged, not hidden
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("warning: ").contains("名册人数不足");
        assertThat(Csv.read(dir.resolve("now.csv"))).allSatisfy(r -> assertThat(r.get("note")).startsWith("名册人数不足"));
    }

    @Test
    void thePlanIsASectionOfTheHtmlReport() throws IOException {
        Path report = dir.resolve("plan.html");

        List<Map<String, String>> plan = plan(dir.resolve("a.csv"), "--seed", "9", "--report", report.toString(), "--lang", "en");

        String html = Files.readString(report);
        assertThat(html).contains("<section id=\"inspection-plan\">")
                .contains("data-count=\"plan-rows\">" + plan.size() + "<")
                .contains("Seed: </strong>9")
                .contains("data-count=\"assessed\">200<");
        for (Map<String, String> row : plan) {
            assertThat(html).contains("<tr data-venue=\"" + row.get("venueId") + "\"><td>" + row.get("seq") + "</td>");
        }
    }

    @Test
    void rejectedRecordsAreLeftOutOfTheDrawAndTheExitCodeSaysSo() throws IOException {
        Path out = dir.resolve("a.csv");

        Cli.Run run = Cli.run("plan-inspections", Cli.fixture("bad-records.jsonl").toString(), "--roster", ROSTER,
                "--seed", "1", "--date", "2024-01-10", "-o", out.toString(), "--rejects", dir.resolve("r.csv").toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(Csv.read(out)).extracting(r -> r.get("venueId")).containsExactlyInAnyOrder("OK-1", "OK-2", "OK-3");
        assertThat(Csv.read(dir.resolve("r.csv"))).hasSize(4);
    }

    @Test
    void aRosterWithoutAnIdColumnStopsWithExitOne() throws IOException {
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "姓名\n张伟\n");

        Cli.Run run = Cli.run("plan-inspections", "--roster", roster.toString(), "--seed", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(roster + ":1: the header has no id column");
    }
}
