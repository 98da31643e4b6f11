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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input promises of {@code firerisk assess} held against files as careless or hostile users make
 * them: a stray quote swallows no row and lends no venue another row's values, a findings row that
 * cannot be read rejects its venue by name, each table is read in its own encoding with hints naming
 * the option that helps, and what is not plainly one thing (a venue id given twice, an encoding that
 * garbles Chinese, JSON Lines given findings, lines ending in a carriage return) is decided, not guessed.
 * Every venue ends as its own result or a reject; results equal those of the same venues written cleanly.
 */
class NothingLostOrChangedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Assesses into JSON Lines; the results by venue id. */
    private Map<String, JsonNode> assess(Cli.Run[] run, String... args) throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.deleteIfExists(out);
        List<String> all = new java.util.ArrayList<>(List.of("assess"));
        all.addAll(List.of(args));
        all.addAll(List.of("-f", "jsonl", "-o", out.toString(), "--rejects", dir.resolve("rejects.csv").toString(),
                "--date", "2024-01-10", "--no-progress"));
        run[0] = Cli.run(all.toArray(String[]::new));
        Map<String, JsonNode> results = new LinkedHashMap<>();
        if (Files.exists(out)) {
            for (String line : Files.readAllLines(out)) {
                JsonNode n = JSON.readTree(line);
                results.put(n.get("venueId").asText(), n);
            }
        }
        return results;
    }

    private List<Map<String, String>> rejects() throws IOException {
        Path file = dir.resolve("rejects.csv");
        return Files.exists(file) ? Csv.read(file) : List.of();
    }

    private static String outcome(JsonNode result) {
        return result.get("grade").asText() + " " + result.get("verdict").asText() + " suspend="
                + result.get("suspend").asBoolean() + " findings=" + result.get("findings").size();
    }

    @Test
    void aStrayQuoteInTheVenueTableNeitherSwallowsRowsNorLendsAVenueAnotherRowsKindOrOccupants() throws IOException {
        // Given four venues, a quote left open in the first's name and a stray one in the third's: read as one
        // quoted cell, the row has the header's width and the first venue would take the third's kind and occupants
        Path venues = write("venues.csv", "id,name,kind,occupants\n"
                + "V1,\"滨江小吃,OFFICE,20\n"
                + "V2,菜市场,MARKET,400\n"
                + "V3,星光\",ENTERTAINMENT,300\n"
                + "V4,旅馆,HOTEL,50\n");
        Path findings = write("findings.csv", "venueId,id,code\nV1,F1,EXITS_TOO_FEW\nV2,F1,EXITS_TOO_FEW\n"
                + "V3,F1,EXITS_TOO_FEW\nV4,F1,EXITS_TOO_FEW\n");

        // When they are assessed
        Cli.Run[] run = new Cli.Run[1];
        Map<String, JsonNode> results = assess(run, venues.toString(), "--findings", findings.toString());

        // Then every row is its own result or reject: V2 and V4 as written, V1 and V3 rejected at their lines
        assertThat(results).containsOnlyKeys("V2", "V4");
        assertThat(results.get("V2").get("kind").asText()).isEqualTo("MARKET");
        assertThat(results.get("V2").get("name").asText()).isEqualTo("菜市场");
        assertThat(rejects()).extracting(r -> r.get("line") + " " + r.get("venueId") + " " + r.get("field"))
                .containsExactly("2 V1 name", "4 V3 name");
        assertThat(run[0].exit()).isEqualTo(AssessCommand.REJECTED);
        assertThat(run[0].err()).contains("2 assessed, 2 rejected")
                .contains(venues + ":2: venue 'V1': name: a quoted cell opened on this line (column 2) runs on into"
                        + " line 3, which reads as a row of its own (lines 2–3)");
    }

    @Test
    void aStrayQuoteInTheFindingsTableHidesNoOtherVenuesFindingsSoNoneComesOutBlueThatTheyMakeRed() throws IOException {
        // Given three dance halls of 300 with too few exits; the first hall's row opens a quote in its location
        // and the third's closes it: read as one cell, the second and third halls' findings would be its text
        String venueTable = "id,name,kind,occupants\nK1,甲,ENTERTAINMENT,300\nK2,乙,ENTERTAINMENT,300\n"
                + "K3,丙,ENTERTAINMENT,300\n";
        Path venues = write("venues.csv", venueTable);
        Path findings = write("findings.csv", "venueId,id,code,location\n"
                + "K1,F1,EXITS_TOO_FEW,\"一楼\n"
                + "K2,F1,EXITS_TOO_FEW,二楼\n"
                + "K3,F1,EXITS_TOO_FEW,三楼\"\n");
        Path clean = write("clean.csv", "venueId,id,code,location\nK2,F1,EXITS_TOO_FEW,二楼\n");

        // When assessed, and the second hall alone with its finding written cleanly
        Cli.Run[] run = new Cli.Run[1];
        Map<String, JsonNode> results = assess(run, venues.toString(), "--findings", findings.toString());
        List<Map<String, String>> rejected = rejects();
        Map<String, JsonNode> expected = assess(new Cli.Run[1], write("k2.csv", "id,name,kind,occupants\n"
                + "K2,乙,ENTERTAINMENT,300\n").toString(), "--findings", clean.toString());

        // Then the second hall is assessed with its finding, as written cleanly, and the halls whose finding rows
        // the quotes spoiled are rejected by name at those rows, never assessed without their findings
        assertThat(results).containsOnlyKeys("K2");
        assertThat(outcome(results.get("K2"))).isEqualTo(outcome(expected.get("K2")));
        assertThat(results.get("K2").get("findings")).hasSize(1);
        assertThat(rejected).extracting(r -> r.get("file") + ":" + r.get("line") + " " + r.get("venueId"))
                .containsExactly(findings + ":2 K1", findings + ":4 K3");
        assertThat(run[0].exit()).isEqualTo(AssessCommand.REJECTED);
    }

    @Test
    void aFindingsRowOverOneMebibyteRejectsItsVenueByNameInsteadOfAssessingItWithoutTheFinding() throws IOException {
        Path venues = write("venues.csv", "id,name,kind,occupants\nK1,甲,ENTERTAINMENT,300\nK2,乙,ENTERTAINMENT,300\n");
        Path findings = write("findings.csv", "venueId,id,code,location\nK1,F1,EXITS_TOO_FEW,"
                + "一".repeat(400_000) + "\nK2,F1,EXITS_TOO_FEW,二楼\n");

        Cli.Run[] run = new Cli.Run[1];
        Map<String, JsonNode> results = assess(run, venues.toString(), "--findings", findings.toString());

        assertThat(results).containsOnlyKeys("K2");
        assertThat(run[0].err()).contains(findings + ":2: venue 'K1': the line is 1200020 bytes long, over the limit");
        assertThat(rejects()).singleElement().satisfies(r -> assertThat(r.get("venueId")).isEqualTo("K1"));
    }

    @Test
    void aGbkVenueTableWithAUtf8FindingsTableIsReadWithFindingsEncodingAndEachHintNamesTheOptionThatHelps()
            throws IOException {
        // Given a venue table exported as GBK and a findings table saved as UTF-8
        Path venues = dir.resolve("场所.csv");
        Files.write(venues, "场所编号,名称,类型,容纳人数\nK1,星光歌舞厅,ENTERTAINMENT,300\n".getBytes(Charset.forName("GBK")));
        Path findings = write("隐患.csv", "venueId,id,code,location,status\nK1,F1,EXITS_TOO_FEW,二楼,未整改\n");

        // When read without options, the venue table's header asks for --encoding GBK
        Cli.Run[] plain = new Cli.Run[1];
        assess(plain, venues.toString(), "--findings", findings.toString());
        assertThat(plain[0].exit()).isEqualTo(1);
        assertThat(plain[0].err()).contains("run again with --encoding GBK");

        // When read with --encoding GBK only, the findings row (UTF-8) asks for --findings-encoding UTF-8
        Cli.Run[] half = new Cli.Run[1];
        assess(half, venues.toString(), "--findings", findings.toString(), "--encoding", "GBK");
        assertThat(half[0].err()).contains(findings + ":2: venue 'K1': the line is ")
                .contains("run again with --findings-encoding UTF-8");

        // When each is given its encoding, both are read as written
        Cli.Run[] both = new Cli.Run[1];
        Map<String, JsonNode> results = assess(both, venues.toString(), "--findings", findings.toString(),
                "--encoding", "GBK", "--findings-encoding", "UTF-8");
        assertThat(both[0].exit()).isZero();
        assertThat(results.get("K1").get("name").asText()).isEqualTo("星光歌舞厅");
        assertThat(results.get("K1").get("findings").get(0).get("status").asText()).isEqualTo("OPEN");   // 未整改
    }

    @Test
    void onlyTheEncodingsChineseInputComesInAreAcceptedAndGb2312IsReadAsGbk() throws IOException {
        Path venues = dir.resolve("场所.csv");
        Files.write(venues, "场所编号,名称,类型\nK1,星光歌舞厅,ENTERTAINMENT\n".getBytes(Charset.forName("GBK")));

        Cli.Run latin = Cli.run("assess", venues.toString(), "--encoding", "ISO-8859-1");
        Cli.Run[] gb2312 = new Cli.Run[1];
        Map<String, JsonNode> results = assess(gb2312, venues.toString(), "--encoding", "GB2312");

        assertThat(latin.exit()).isEqualTo(2);
        assertThat(latin.err()).contains("'ISO-8859-1' is not an encoding Chinese input is read in: give UTF-8");
        assertThat(results.get("K1").get("name").asText()).isEqualTo("星光歌舞厅");
    }

    @Test
    void findingsWithAJsonLinesVenueFileSaysItsRecordsHoldTheirFindingsNotThatColumnsAreUnknown() throws IOException {
        Path venues = write("venues.jsonl", String.format(InputLimitsTest.GOOD, "A1") + "\n");
        Path findings = write("findings.csv", "venueId,code\nA1,EXITS_TOO_FEW\n");

        Cli.Run run = Cli.run("assess", venues.toString(), "--findings", findings.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(venues + " is JSON Lines, whose records hold their own findings")
                .doesNotContain("unknown column");
    }

    @Test
    void aVenueIdGivenTwiceIsRejectedAtItsSecondLineInJsonLinesAsInCsv() throws IOException {
        Path json = write("venues.jsonl", String.format(InputLimitsTest.GOOD, "A1") + "\n"
                + String.format(InputLimitsTest.GOOD, "A1").replace("\"occupants\":20", "\"occupants\":2000") + "\n");
        Path csv = write("venues.csv", "id,kind,occupants\nA1,OFFICE,20\nA1,OFFICE,2000\n");

        Cli.Run[] fromJson = new Cli.Run[1];
        Cli.Run[] fromCsv = new Cli.Run[1];
        Map<String, JsonNode> jsonResults = assess(fromJson, json.toString());
        List<Map<String, String>> jsonRejects = rejects();
        Map<String, JsonNode> csvResults = assess(fromCsv, csv.toString());

        assertThat(jsonResults).containsOnlyKeys("A1");
        assertThat(csvResults).containsOnlyKeys("A1");
        assertThat(fromJson[0].err()).contains(json + ":2: venue 'A1': id: venue 'A1' appears again (first on line 1)");
        assertThat(fromCsv[0].err()).contains(csv + ":3: venue 'A1': id: venue 'A1' appears again (first on line 2)");
        assertThat(jsonRejects).singleElement().satisfies(r -> assertThat(r.get("line")).isEqualTo("2"));
    }

    @Test
    void aFileWhoseLinesEndInACarriageReturnAloneIsReadLineByLine() throws IOException {
        Path venues = dir.resolve("mac.csv");
        Files.write(venues, "id,name,kind\rA1,甲,OFFICE\rA2,乙,SHOP\r".getBytes(StandardCharsets.UTF_8));

        Cli.Run[] run = new Cli.Run[1];
        Map<String, JsonNode> results = assess(run, venues.toString());

        assertThat(run[0].exit()).isZero();
        assertThat(results).containsOnlyKeys("A1", "A2");
        assertThat(results.get("A2").get("name").asText()).isEqualTo("乙");
    }
}
