package io.firerisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code firerisk assess} end to end: inputs, outputs, rejects and exit codes. */
class AssessCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static Map<String, JsonNode> byVenue(List<JsonNode> nodes) {
        return nodes.stream().collect(Collectors.toMap(n -> n.get("venueId").asText(), n -> n));
    }

    @Test
    void assessWithoutAFileAssessesTheBundledSampleAndPrintsATable() {
        // Given no input file
        // When assessing
        Cli.Run run = Cli.run("assess", "--rejects", dir.resolve("rejects.csv").toString());

        // Then every one of the 200 sample venues is in the table and nothing is rejected
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("venue").contains("WZ-0001").contains("WZ-0200");
        assertThat(run.out().lines().filter(l -> l.startsWith("WZ-")).count()).isEqualTo(200);
        assertThat(run.out()).containsPattern("200 assessed, 0 rejected; BLUE \\d+  YELLOW \\d+  ORANGE \\d+  RED \\d+");
        assertThat(dir.resolve("rejects.csv")).doesNotExist();
    }

    @Test
    void jsonLinesOutputCarriesGradeVerdictSuspensionAndDatedActionsWithClauses() throws IOException {
        // Given the hand-written fixture, where a 300-person entertainment venue has too few exits
        Path out = dir.resolve("out.jsonl");

        // When writing JSON Lines
        Cli.Run run = Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "jsonl", "-o", out.toString(),
                "--rejects", dir.resolve("r.csv").toString(), "--lang", "en");

        // Then one object per venue, and the entertainment venue is RED, suspected major, suspended today
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("12 assessed, 0 rejected");
        Map<String, JsonNode> venues = byVenue(jsonLines(out));
        assertThat(venues).hasSize(12);
        JsonNode ktv = venues.get("WZ-0002");
        assertThat(ktv.get("grade").asText()).isEqualTo("RED");
        assertThat(ktv.get("gradeLabel").asText()).isEqualTo("major risk");
        assertThat(ktv.get("verdict").asText()).isEqualTo("SUSPECTED_MAJOR");
        assertThat(ktv.get("directElements").get(0).asText()).isEqualTo("6.5");
        assertThat(ktv.get("suspend").asBoolean()).isTrue();
        JsonNode part = ktv.get("suspendedParts").get(0);
        assertThat(part.get("area").asText()).isEqualTo("二楼营业区");
        assertThat(part.get("wholeVenue").asBoolean()).isFalse();
        assertThat(part.get("ground").asText()).isEqualTo("NO_SAFE_EVACUATION");
        assertThat(part.get("clauses")).extracting(JsonNode::asText)
                .containsExactly("消防法 第五十四条", "消防监督检查规定 第二十二条(一)", "消防法 第七十条");
        assertThat(part.get("actor").asText()).contains("ask the fire and rescue authority to seal it");
        assertThat(part.get("resumesWhen").asText()).contains("art. 70");
        JsonNode grading = ktv.get("grading");
        assertThat(grading.get("likelihood").asInt()).isEqualTo(5);
        assertThat(grading.get("severity").asInt()).isEqualTo(4);
        assertThat(grading.get("score").asInt()).isEqualTo(20);
        assertThat(grading.get("likelihoodRows").get(0).get("row").asText()).isEqualTo("LEGAL_GROUND");
        JsonNode suspend = ktv.get("actions").get(0);
        assertThat(suspend.get("code").asText()).isEqualTo("SUSPEND_USE");
        assertThat(suspend.get("due").asText()).isEqualTo("2024-01-10");
        assertThat(suspend.get("clauses").get(0).asText()).isEqualTo("消防法 第七十条");
        assertThat(suspend.get("details").get(0).asText()).startsWith("Stop using 二楼营业区");
        // each action says what set its deadline, and carries its details
        JsonNode five = ktv.get("actions").get(1);
        assertThat(five.get("code").asText()).isEqualTo("FIVE_IN_PLACE");
        assertThat(five.get("dueBasis").get("kind").asText()).isEqualTo("ACTION_TABLE");
        assertThat(five.get("dueBasis").get("days").asInt()).isEqualTo(3);
        assertThat(five.get("details")).extracting(JsonNode::asText).hasSize(5)
                .anySatisfy(d -> assertThat(d).contains("funds"));
        assertThat(ktv.get("source").asText()).endsWith("twelve-venues.jsonl:2");
        // and the closed hotel is excluded from a major-hazard verdict (GB 35181-2017 5.1.3 b)
        assertThat(venues.get("WZ-0012").get("verdict").asText()).isEqualTo("GENERAL");
    }

    @Test
    void reasonsAddEveryFiredRuleWithItsClauseToJsonLines() throws IOException {
        Path plain = dir.resolve("plain.jsonl");
        Path explained = dir.resolve("explained.jsonl");

        Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "jsonl", "-o", plain.toString(),
                "--rejects", dir.resolve("r.csv").toString());
        Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "jsonl", "-o", explained.toString(),
                "--reasons", "--rejects", dir.resolve("r.csv").toString());

        assertThat(byVenue(jsonLines(plain)).get("WZ-0002").has("reasons")).isFalse();
        JsonNode ktv = byVenue(jsonLines(explained)).get("WZ-0002");
        assertThat(ktv.get("reasons")).anySatisfy(r -> {
            assertThat(r.get("rule").asText()).startsWith("6.5 ");
            assertThat(r.get("clause").asText()).isEqualTo("GB 35181-2017 6.5");
            assertThat(r.get("facts").toString()).contains("finding F1 (EXITS_TOO_FEW)");
        });
        assertThat(ktv.get("grading").get("severityRows").get(0).get("because").asText()).contains("星光歌舞娱乐城");
        // the grades are the same either way
        assertThat(ktv.get("grade")).isEqualTo(byVenue(jsonLines(plain)).get("WZ-0002").get("grade"));
    }

    @Test
    void dateOptionAssessesEveryVenueAsOfThatDay() throws IOException {
        // Given --date in the Spring Festival key period
        Path out = dir.resolve("out.jsonl");

        // When assessing
        Cli.Run run = Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "--date", "2024-02-12", "-f", "jsonl",
                "-o", out.toString(), "--rejects", dir.resolve("r.csv").toString());

        // Then every venue is assessed as of that day, at the raised alert level, whatever its own date
        assertThat(run.exit()).isZero();
        assertThat(jsonLines(out)).allSatisfy(n -> {
            assertThat(n.get("assessedOn").asText()).isEqualTo("2024-02-12");
            assertThat(n.get("keyPeriod").asText()).isEqualTo("SPRING_FESTIVAL");
            assertThat(n.get("alertLevel").asText()).isEqualTo("RAISED");
        });
    }

    @Test
    void csvOutputHasOneRowPerVenueAndAByteOrderMarkForExcel() throws IOException {
        Path out = dir.resolve("out.csv");

        Cli.Run run = Cli.run("assess", Cli.fixture("twelve-venues.jsonl").toString(), "-f", "csv", "-o", out.toString(),
                "--rejects", dir.resolve("r.csv").toString());

        assertThat(run.exit()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", CsvResultWriter.COLUMNS));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("WZ-0002,星光歌舞娱乐城,ENTERTAINMENT,钟鼓楼街道,2024-01-10,RED,SUSPECTED_MAJOR,Y,6.5,"));
    }

    @Test
    void badRecordsAreReportedWithFileLineAndFieldWrittenToTheRejectsFileAndTheRunGoesOn() throws IOException {
        // Given a file with a truncated line, a bad date, an unknown hazard code and a negative occupant count
        Path input = Cli.fixture("bad-records.jsonl");
        Path rejects = dir.resolve("rejects.csv");
        Path out = dir.resolve("out.jsonl");

        // When assessing it
        Cli.Run run = Cli.run("assess", input.toString(), "-f", "jsonl", "-o", out.toString(), "--rejects", rejects.toString());

        // Then the three good records are assessed, the four bad ones counted, and the exit code says so
        assertThat(run.exit()).isEqualTo(3);
        assertThat(byVenue(jsonLines(out))).containsOnlyKeys("OK-1", "OK-2", "OK-3");
        assertThat(run.err()).contains("3 assessed, 4 rejected").contains("rejects in " + rejects);
        // and each is reported on stderr with file, line and field
        assertThat(run.err()).contains(input + ":2: ").contains("truncated");
        assertThat(run.err()).contains(input + ":4: venue 'BAD-DATE': date: date '2024-02-30' is not a date");
        assertThat(run.err()).contains(input + ":5: venue 'BAD-CODE': findings[0].code: ")
                .contains("hazard code 'NO_SUCH_HAZARD' is not in the hazard catalogue");
        assertThat(run.err()).contains(input + ":6: venue 'BAD-OCCUPANTS': occupants: ").contains("(was -5)");
        // and written to the rejects file with the record itself, to correct and run again
        List<Map<String, String>> rows = Csv.read(rejects);
        assertThat(rows).extracting(r -> r.get("line")).containsExactly("2", "4", "5", "6");
        assertThat(rows).extracting(r -> r.get("field")).containsExactly("", "date", "findings[0].code", "occupants");
        assertThat(rows).extracting(r -> r.get("venueId")).containsExactly("", "BAD-DATE", "BAD-CODE", "BAD-OCCUPANTS");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("file")).isEqualTo(input.toString()));
        assertThat(rows.get(3).get("record")).contains("\"occupants\": -5");
    }

    @Test
    void aGbkFileReadAsUtf8IsRejectedLineByLineWithTheOptionThatFixesIt() throws IOException {
        // Given a JSON Lines file saved as GBK
        Path gbk = dir.resolve("gbk.jsonl");
        Files.write(gbk, Files.readString(Cli.fixture("twelve-venues.jsonl")).getBytes(Charset.forName("GBK")));
        Path rejects = dir.resolve("rejects.csv");

        // When it is read as UTF-8 (the default)
        Cli.Run asUtf8 = Cli.run("assess", gbk.toString(), "--rejects", rejects.toString());

        // Then its records are rejected, each with the hint, and none is assessed with garbled names
        assertThat(asUtf8.exit()).isEqualTo(3);
        assertThat(asUtf8.err()).contains(gbk + ":1: the line is not valid UTF-8 text").contains("--encoding GBK");
        assertThat(asUtf8.out()).contains("0 assessed, 12 rejected");
        assertThat(Csv.read(rejects)).hasSize(12).allSatisfy(r -> assertThat(r.get("message")).contains("--encoding GBK"));

        // When it is read with --encoding GBK
        Cli.Run asGbk = Cli.run("assess", gbk.toString(), "--encoding", "GBK", "--rejects", dir.resolve("r2.csv").toString());

        // Then it is read correctly
        assertThat(asGbk.exit()).isZero();
        assertThat(asGbk.out()).contains("星光歌舞娱乐城").contains("12 assessed, 0 rejected");
    }

    @Test
    void aUtf8FileReadAsGbkIsRejectedLineByLineNotReadAsGarbledNames() throws IOException {
        // Given a UTF-8 file of Chinese names
        Path utf8 = dir.resolve("utf8.jsonl");
        Files.copy(Cli.fixture("twelve-venues.jsonl"), utf8);

        // When it is read with --encoding GBK
        Cli.Run run = Cli.run("assess", utf8.toString(), "--encoding", "GBK", "--rejects", dir.resolve("r.csv").toString());

        // Then no line with Chinese in it is assessed under garbled names: each is rejected with the option that fixes it
        assertThat(run.exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(run.out()).doesNotContain("星光歌舞娱乐城").contains("0 assessed, 12 rejected");
        assertThat(run.err().lines().filter(l -> l.startsWith(utf8 + ":")))
                .hasSize(12).allSatisfy(l -> assertThat(l).endsWith("run again with --encoding UTF-8"));
    }

    @Test
    void venuesAndFindingsInTwoCsvTablesAreJoinedByVenueIdWhateverTheirOrder() throws IOException {
        // Given a venue table with Chinese headers and a BOM, and a findings table in another order,
        // with a quoted line break, a percentage, Chinese status words and a finding for no venue
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.csv");

        // When assessing them
        Cli.Run run = Cli.run("assess", Cli.fixture("venues.csv").toString(), "--findings", Cli.fixture("findings.csv").toString(),
                "-f", "jsonl", "-o", out.toString(), "--rejects", rejects.toString());

        // Then each venue gets its own findings and is graded as the same venue in JSON is
        Map<String, JsonNode> venues = byVenue(jsonLines(out));
        assertThat(venues).containsOnlyKeys("WZ-0002", "WZ-0004", "WZ-0005", "WZ-0011", "WZ-0013");
        assertThat(venues.get("WZ-0002").get("verdict").asText()).isEqualTo("SUSPECTED_MAJOR");
        assertThat(venues.get("WZ-0002").get("suspendedParts").get(0).get("area").asText()).isEqualTo("二楼\n营业区");
        assertThat(venues.get("WZ-0004").get("directElements").get(0).asText()).isEqualTo("6.6");
        assertThat(venues.get("WZ-0004").get("assessedOn").asText()).isEqualTo("2024-01-15");
        assertThat(venues.get("WZ-0005").get("assessedOn").asText()).isEqualTo("2024-01-18");
        // exits 85% of the width needed: a hazard to rectify, not a legal ground for stopping use
        assertThat(venues.get("WZ-0005").get("suspend").asBoolean()).isFalse();
        // a high-rise block without findings: L1 × S4 = 4, its inherent risk
        assertThat(venues.get("WZ-0011").get("grade").asText()).isEqualTo("YELLOW");
        assertThat(venues.get("WZ-0013").get("name").asText()).isEqualTo("滨江\"老码头\"火锅");
        assertThat(venues.get("WZ-0013").get("findings")).extracting(f -> f.get("status").asText())
                .containsExactly("IN_PROGRESS", "RECTIFIED");
        // and the finding whose venue is missing is rejected, pointing at its line in the findings table
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains(Cli.fixture("findings.csv") + ":9: venue 'WZ-9999': 场所编号: no venue 'WZ-9999'");
        assertThat(Csv.read(rejects)).singleElement().satisfies(r -> {
            assertThat(r.get("line")).isEqualTo("9");
            assertThat(r.get("record")).isEqualTo("WZ-9999,F1,WIRING_MESSY,配电间,,,,,");
        });
    }

    @Test
    void aBadCellInACsvTableNamesTheColumnAsTheHeaderWroteIt() throws IOException {
        // Given CSV rows with a negative occupant count, a bad date, an unknown hazard code and a truncated row
        Path venues = dir.resolve("venues.csv");
        Files.writeString(venues, String.join("\n",
                "场所编号,类型,容纳人数,检查日期",
                "A1,SHOP,-3,2024-01-10",
                "A2,SHOP,5,2024-13-01",
                "A3,SHOP,5,2024-01-10",
                "A4,SHOP",
                "A5,SHOP,5,2024-01-10", ""));
        Path findings = dir.resolve("findings.csv");
        Files.writeString(findings, "venueId,id,code\nA3,F1,NOT_A_CODE\nA5,F1,WIRING_MESSY\n");
        Path rejects = dir.resolve("rejects.csv");

        // When assessing
        Cli.Run run = Cli.run("assess", venues.toString(), "--findings", findings.toString(), "--rejects", rejects.toString());

        // Then only A5 is assessed; the others are rejected at the cell that is wrong
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("1 assessed, 4 rejected");
        assertThat(run.err()).contains(venues + ":2: venue 'A1': 容纳人数: must be between 0 and 1000000 (was -3)");
        assertThat(run.err()).contains(venues + ":3: venue 'A2': 检查日期: '2024-13-01' is not a date");
        assertThat(run.err()).contains(findings + ":2: venue 'A3': code: ")
                .contains("hazard code 'NOT_A_CODE' is not in the hazard catalogue");
        assertThat(run.err()).contains(venues + ":5: venue 'A4': 容纳人数: the row has 2 of the header's 4 columns: the line is truncated");
        assertThat(Csv.read(rejects)).extracting(r -> r.get("field")).containsExactly("容纳人数", "检查日期", "code", "容纳人数");
    }

    @Test
    void aCsvTableSavedAsGbkIsReadWithEncodingGbkAndStopsWithTheHintWithout() throws IOException {
        // Given the CSV fixtures saved as GBK, as Excel on Chinese Windows saves them
        Path venues = dir.resolve("venues-gbk.csv");
        Path findings = dir.resolve("findings-gbk.csv");
        Files.write(venues, Files.readString(Cli.fixture("venues.csv")).replace("\uFEFF", "").getBytes(Charset.forName("GBK")));
        Files.write(findings, Files.readString(Cli.fixture("findings.csv")).replace("\uFEFF", "").getBytes(Charset.forName("GBK")));

        // When read as UTF-8, the Chinese header cannot be read: nothing can be, so the run stops
        Cli.Run asUtf8 = Cli.run("assess", venues.toString(), "--findings", findings.toString(), "--rejects",
                dir.resolve("r.csv").toString());
        assertThat(asUtf8.exit()).isEqualTo(1);
        assertThat(asUtf8.err()).contains(venues + ":1: the header cannot be read: the line is not valid UTF-8 text")
                .contains("--encoding GBK");

        // When read as GBK, it reads as the UTF-8 original does
        Cli.Run asGbk = Cli.run("assess", venues.toString(), "--findings", findings.toString(), "--encoding", "GBK",
                "--rejects", dir.resolve("r.csv").toString());
        assertThat(asGbk.out()).contains("星光歌舞娱乐城").contains("5 assessed, 1 rejected");
    }

    @Test
    void anUnknownCsvColumnStopsTheRunAndListsTheKnownOnes() throws IOException {
        Path venues = dir.resolve("venues.csv");
        Files.writeString(venues, "id,kind,ocupants\nA1,SHOP,5\n");

        Cli.Run run = Cli.run("assess", venues.toString(), "--rejects", dir.resolve("r.csv").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(venues + ":1: unknown column ocupants; the columns are [id, name, kind");
    }

    @Test
    void aMissingInputFileExitsWithOneAndAWrongOptionWithTwo() {
        Cli.Run missing = Cli.run("assess", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.jsonl: no such file");

        Cli.Run badDate = Cli.run("assess", "--date", "2024-02-30");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("--date");

        Cli.Run badFormat = Cli.run("assess", "--format", "pdf");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("table, jsonl, csv or html").contains("pdf");
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameOutputInInputOrder() throws IOException {
        Path one = dir.resolve("one.jsonl");
        Path four = dir.resolve("four.jsonl");

        Cli.run("assess", "-f", "jsonl", "-o", one.toString(), "--threads", "1", "--rejects", dir.resolve("r.csv").toString());
        Cli.run("assess", "-f", "jsonl", "-o", four.toString(), "--threads", "4", "--rejects", dir.resolve("r.csv").toString());

        assertThat(Files.readAllLines(four)).hasSize(200).isEqualTo(Files.readAllLines(one));
    }

    @Test
    void standardInputIsReadWhenTheFileIsADash() throws IOException {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(Cli.fixture("twelve-venues.jsonl"))));
            Cli.Run run = Cli.run("assess", "-", "--rejects", dir.resolve("r.csv").toString());
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("12 assessed, 0 rejected");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theProgressBarShowsShareRateAndTimeLeftAndIsOffWhenNotOnATerminal() throws IOException {
        assertThat(Progress.render(250, 1000, 5000, 2_000_000_000L))
                .startsWith("[########......................]  25%  5,000 venues  2,500/s  6s left");
        assertThat(Progress.render(0, -1, 42, 1_000_000_000L)).startsWith("42 venues  42/s");

        // In tests, as when output is piped, there is no terminal: no bar, no carriage returns
        Cli.Run run = Cli.run("assess", "-f", "csv", "-o", dir.resolve("o.csv").toString(), "--rejects",
                dir.resolve("r.csv").toString());
        assertThat(run.err()).doesNotContain("\r").doesNotContain("[#");
        assertThat(new String(Files.readAllBytes(dir.resolve("o.csv")), StandardCharsets.UTF_8)).contains("WZ-0200");
    }
}
