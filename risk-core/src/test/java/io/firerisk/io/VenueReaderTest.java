package io.firerisk.io;

import io.firerisk.Assessment;
import io.firerisk.RiskEngine;
import io.firerisk.testing.CampaignFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The venue readers as the modules built on them use them (a ledger importing inspections, a Spark job
 * re-scoring them): every record ends as a venue or a reject naming file, line, venue and field, and a
 * line parsed on its own is what the file reader makes of it.
 */
class VenueReaderTest {

    @TempDir
    Path temp;

    private static List<VenueRecord> all(VenueReader reader) throws IOException, InputException {
        List<VenueRecord> records = new ArrayList<>();
        try (reader) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                records.add(p.parse());
            }
        }
        return records;
    }

    private static InputStream bytes(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    @Test
    void aJsonLinesFileGivesOneVenueOrOneRejectPerLineAndALineParsedAloneGivesTheSame() throws Exception {
        String file = "{\"id\":\"H1\",\"kind\":\"HALL\",\"occupants\":300,\"date\":\"2024-02-10\","
                + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\"}]}\n"
                + "\n"
                + "{\"id\":\"H2\",\"kind\":\"HALL\",\"occupants\":-1}\n";

        List<VenueRecord> records = all(VenueReader.jsonLines(bytes(file, StandardCharsets.UTF_8), "venues.jsonl",
                StandardCharsets.UTF_8, -1));

        assertThat(records).hasSize(2);
        VenueRecord.Parsed h1 = (VenueRecord.Parsed) records.get(0);
        assertThat(h1.origin()).isEqualTo(new Origin("venues.jsonl", 1));
        assertThat(h1.facts().findings()).extracting(f -> f.hazardCode()).containsExactly("EXITS_TOO_FEW");
        VenueRecord.Rejected h2 = (VenueRecord.Rejected) records.get(1);
        assertThat(h2.origin()).isEqualTo(new Origin("venues.jsonl", 3));
        assertThat(h2.venueId()).isEqualTo("H2");
        assertThat(h2.field()).isEqualTo("occupants");
        assertThat(VenueReader.jsonLine(new Origin("venues.jsonl", 3), file.split("\n")[2])).isEqualTo(h2);
        assertThat(((VenueRecord.Parsed) VenueReader.jsonLine(new Origin("venues.jsonl", 1), file.split("\n")[0]))
                .facts()).isEqualTo(h1.facts());
    }

    @Test
    void aCsvFindingTheEngineRefusesIsRejectedAtItsOwnLineAndColumnInTheFindingsTable() throws Exception {
        String venues = "场所编号,类型,容纳人数,检查日期\nH1,HALL,300,2024/2/10\n";
        String findings = "场所编号,隐患编号,隐患代码\nH1,F1,EXITS_TOO_FEW\nH1,F2,NO_SUCH_CODE\n";
        CampaignFixture tiny = CampaignFixture.copyOf("tiny", temp);

        List<VenueRecord> records = all(VenueReader.csv(bytes(venues, StandardCharsets.UTF_8), "场所.csv",
                StandardCharsets.UTF_8, -1, () -> bytes(findings, StandardCharsets.UTF_8), "隐患.csv"));

        VenueRecord.Parsed h1 = (VenueRecord.Parsed) records.get(0);
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(tiny.folder()).build()) {
            VenueRecord.Rejected refused = null;
            try {
                engine.assess(h1.facts());
            } catch (io.firerisk.AssessmentException e) {
                refused = h1.rejectedBy(e);
            }
            assertThat(refused).isNotNull();
            assertThat(refused.origin()).isEqualTo(new Origin("隐患.csv", 3));
            assertThat(refused.field()).isEqualTo("隐患代码");
            assertThat(refused.venueId()).isEqualTo("H1");
            assertThat(refused.message()).contains("NO_SUCH_CODE");
        }
    }

    @Test
    void aGbkLineReadAsUtf8IsRejectedWithTheHintAndTheNextLineIsRead() throws Exception {
        byte[] gbk = "{\"id\":\"滨江\",\"kind\":\"HALL\"}\n".getBytes(Charset.forName("GBK"));
        byte[] good = "{\"id\":\"H3\",\"kind\":\"HALL\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[gbk.length + good.length];
        System.arraycopy(gbk, 0, both, 0, gbk.length);
        System.arraycopy(good, 0, both, gbk.length, good.length);

        List<VenueRecord> records = all(VenueReader.jsonLines(new ByteArrayInputStream(both), "v.jsonl",
                StandardCharsets.UTF_8, both.length));

        assertThat(((VenueRecord.Rejected) records.get(0)).message()).contains("--encoding GBK");
        assertThat(((VenueRecord.Parsed) records.get(1)).facts().venue().id()).isEqualTo("H3");
    }

    @Test
    void anUnknownCsvColumnStopsTheInputNamingIt() {
        assertThatThrownBy(() -> VenueReader.csv(bytes("id,kind,ocupants\n", StandardCharsets.UTF_8), "v.csv",
                StandardCharsets.UTF_8, -1)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("v.csv:1: unknown column ocupants");
    }

    private static List<VenueRecord> csv(String venues, String findings) throws Exception {
        return all(VenueReader.csv(bytes(venues, StandardCharsets.UTF_8), "场所.csv", StandardCharsets.UTF_8, -1,
                () -> bytes(findings, StandardCharsets.UTF_8), "隐患.csv"));
    }

    private static VenueRecord.Parsed parsed(List<VenueRecord> records, String id) {
        return records.stream().filter(r -> r instanceof VenueRecord.Parsed p && p.facts().venue().id().equals(id))
                .map(r -> (VenueRecord.Parsed) r).findFirst().orElseThrow(() -> new AssertionError(id + " not parsed: " + records));
    }

    private static VenueRecord.Rejected rejected(List<VenueRecord> records, String id) {
        return records.stream().filter(r -> r instanceof VenueRecord.Rejected x && x.venueId().equals(id))
                .map(r -> (VenueRecord.Rejected) r).findFirst().orElseThrow(() -> new AssertionError(id + " not rejected: " + records));
    }

    @Test
    void aStrayQuoteInTheFindingsTableTakesNoOtherVenuesFindingsAndRejectsTheVenuesWhoseRowsItSpoilt() throws Exception {
        // Given three venues with one finding each; a quote left open in V1's location and a stray quote in
        // V3's, which read as one quoted cell would hide V2's and V3's findings inside V1's location
        String venues = "场所编号,类型,容纳人数\nV1,HALL,300\nV2,HALL,300\nV3,HALL,300\n";
        String findings = "场所编号,隐患编号,隐患代码,部位\n"
                + "V1,F1,EXITS_TOO_FEW,\"一楼大厅\n"
                + "V2,F1,EXITS_TOO_FEW,二楼\n"
                + "V3,F1,EXITS_TOO_FEW,三楼\"\n";

        // When the tables are joined
        List<VenueRecord> records = csv(venues, findings);

        // Then V2 keeps its finding, and V1 and V3, whose finding rows cannot be read, are rejected at those rows
        assertThat(records).hasSize(3);
        assertThat(parsed(records, "V2").facts().findings()).extracting(f -> f.location()).containsExactly("二楼");
        VenueRecord.Rejected v1 = rejected(records, "V1");
        assertThat(v1.origin()).isEqualTo(new Origin("隐患.csv", 2));
        assertThat(v1.field()).isEqualTo("部位");
        assertThat(v1.message()).contains("runs on into line 3, which reads as a row of its own (lines 2–3)");
        VenueRecord.Rejected v3 = rejected(records, "V3");
        assertThat(v3.origin()).isEqualTo(new Origin("隐患.csv", 4));
        assertThat(v3.field()).isEqualTo("部位");
        assertThat(v3.message()).contains("holds a quote inside a cell that is not quoted");
    }

    @Test
    void aFindingsRowTooLongToReadRejectsItsVenueNamedFromTheRowsStart() throws Exception {
        // Given a venue whose second finding row is over the line limit
        String venues = "场所编号,类型,容纳人数\nV1,HALL,300\nV2,HALL,300\n";
        String findings = "场所编号,隐患编号,隐患代码,部位\nV1,F1,EXITS_TOO_FEW,一楼\n"
                + "V1,F2,EXITS_TOO_FEW," + "长".repeat(CsvReader.MAX_LINE_BYTES / 3 + 10) + "\nV2,F1,EXITS_TOO_FEW,二楼\n";

        // When the tables are joined
        List<VenueRecord> records = csv(venues, findings);

        // Then the venue is rejected at that row, naming it, rather than assessed without the finding
        assertThat(records).hasSize(2);
        VenueRecord.Rejected v1 = rejected(records, "V1");
        assertThat(v1.origin()).isEqualTo(new Origin("隐患.csv", 3));
        assertThat(v1.message()).contains("bytes long, over the limit of 1048576 bytes");
        assertThat(v1.raw()).hasSizeLessThan(300);
        assertThat(parsed(records, "V2").facts().findings()).hasSize(1);
    }

    @Test
    void aJsonLineTooLongToParseNamesItsVenue() throws Exception {
        String file = "{\"id\":\"BIG\",\"kind\":\"HALL\",\"name\":\"" + "x".repeat(CsvReader.MAX_LINE_BYTES) + "\"}\n";

        List<VenueRecord> records = all(VenueReader.jsonLines(bytes(file, StandardCharsets.UTF_8), "v.jsonl",
                StandardCharsets.UTF_8, -1));

        assertThat(records).singleElement().isInstanceOfSatisfying(VenueRecord.Rejected.class, r -> {
            assertThat(r.venueId()).isEqualTo("BIG");
            assertThat(r.message()).contains("over the limit");
        });
    }

    @Test
    void aVenueIdGivenTwiceIsRejectedTheSameWayInJsonLinesAndInCsvTables() throws Exception {
        String json = "{\"id\":\"V1\",\"kind\":\"HALL\",\"occupants\":300}\n"
                + "{\"id\":\"V2\",\"kind\":\"HALL\"}\n"
                + "{\"id\":\"V1\",\"kind\":\"HALL\",\"occupants\":30}\n";
        String table = "id,kind,occupants\nV1,HALL,300\nV2,HALL,\nV1,HALL,30\n";

        List<VenueRecord> fromJson = all(VenueReader.jsonLines(bytes(json, StandardCharsets.UTF_8), "v.jsonl",
                StandardCharsets.UTF_8, -1));
        List<VenueRecord> fromCsv = all(VenueReader.csv(bytes(table, StandardCharsets.UTF_8), "v.csv",
                StandardCharsets.UTF_8, -1));
        List<VenueRecord> joined = csv(table, "venueId,id,code\nV2,F1,EXITS_TOO_FEW\n");

        assertThat(((VenueRecord.Parsed) fromJson.get(0)).facts().venue().occupantCapacity()).isEqualTo(300);
        assertThat(fromJson.get(2)).isEqualTo(new VenueRecord.Rejected(new Origin("v.jsonl", 3), "V1", "id",
                "venue 'V1' appears again (first on line 1): a venue is given once", json.split("\n")[2]));
        assertThat(fromCsv.get(2)).isEqualTo(new VenueRecord.Rejected(new Origin("v.csv", 4), "V1", "id",
                "venue 'V1' appears again (first on line 2): a venue is given once", "V1,HALL,30"));
        assertThat(joined.get(2)).isInstanceOfSatisfying(VenueRecord.Rejected.class, r -> {
            assertThat(r.origin()).isEqualTo(new Origin("场所.csv", 4));
            assertThat(r.message()).startsWith("venue 'V1' appears again (first on line 2");
        });
        assertThat(List.of(fromJson.get(1), fromCsv.get(1), joined.get(1))).allMatch(r -> r instanceof VenueRecord.Parsed);
    }

    @Test
    void theFindingsTableIsReadInItsOwnEncodingAndALineNotInItNamesTheFindingsOption() throws Exception {
        // Given a venue table exported as GBK and a findings table saved as UTF-8
        String venues = "场所编号,名称,类型\nV1,滨江宾馆,HOTEL\n";
        String findings = "场所编号,隐患编号,隐患代码,部位\nV1,F1,EXITS_TOO_FEW,后厨\n";
        Charset gbk = Charset.forName("GBK");

        // When each is read in its own encoding, the venue reads as written
        List<VenueRecord> right = all(VenueReader.csv(bytes(venues, gbk), "场所.csv", gbk, -1,
                () -> bytes(findings, StandardCharsets.UTF_8), "隐患.csv", StandardCharsets.UTF_8));
        assertThat(parsed(right, "V1").facts().venue().name()).isEqualTo("滨江宾馆");
        assertThat(parsed(right, "V1").facts().findings().get(0).location()).isEqualTo("后厨");

        // When both are read as GBK, the findings table cannot be read, and the message names the option that fixes it
        assertThatThrownBy(() -> VenueReader.csv(bytes(venues, gbk), "场所.csv", gbk, -1,
                () -> bytes(findings, StandardCharsets.UTF_8), "隐患.csv")).isInstanceOf(InputException.class)
                .hasMessage("隐患.csv:1: the header cannot be read: the line is UTF-8 text, not GBK: read as GBK it"
                        + " would give wrong characters; run again with --findings-encoding UTF-8");
        // and with a header in English, each row with Chinese in it rejects its venue, naming that option
        List<VenueRecord> wrong = all(VenueReader.csv(bytes(venues, gbk), "场所.csv", gbk, -1,
                () -> bytes(findings.replace("场所编号,隐患编号,隐患代码,部位", "venueId,id,code,location"),
                        StandardCharsets.UTF_8), "隐患.csv"));
        assertThat(rejected(wrong, "V1").message()).contains("run again with --findings-encoding UTF-8");
        assertThat(rejected(wrong, "V1").origin()).isEqualTo(new Origin("隐患.csv", 2));
    }

    @Test
    void numbersAreReadOnlyInTheFormsTheReadmeLists() throws Exception {
        String venues = "id,kind,occupants,heightMeters\n"
                + "A1,HALL,\"1,200\",18.5\n"
                + "A2,HALL,300.0,-0\n"
                + "A3,HALL,10f,\n"
                + "A4,HALL,10d,\n"
                + "A5,HALL,1e3,\n"
                + "A6,HALL,0x10,\n"
                + "A7,HALL,１２,\n"
                + "A8,HALL,,18d\n"
                + "A9,HALL,,NaN\n"
                + "A10,HALL,,Infinity\n";

        List<VenueRecord> records = all(VenueReader.csv(bytes(venues, StandardCharsets.UTF_8), "v.csv",
                StandardCharsets.UTF_8, -1));

        assertThat(parsed(records, "A1").facts().venue().occupantCapacity()).isEqualTo(1200);
        assertThat(parsed(records, "A1").facts().venue().heightMeters()).isEqualTo(18.5);
        assertThat(parsed(records, "A2").facts().venue().occupantCapacity()).isEqualTo(300);
        for (String id : List.of("A3", "A4", "A5", "A6", "A7")) {
            assertThat(rejected(records, id).field()).as(id).isEqualTo("occupants");
            assertThat(rejected(records, id).message()).as(id).contains("is not a whole number");
        }
        for (String id : List.of("A8", "A9", "A10")) {
            assertThat(rejected(records, id).field()).as(id).isEqualTo("heightMeters");
            assertThat(rejected(records, id).message()).as(id).contains("is not a number");
        }
    }

    @Test
    void aJsonLinesFileGivenAsAVenueTableIsRefusedSayingItIsJsonLines() {
        assertThatThrownBy(() -> VenueReader.csv(bytes("{\"id\":\"V1\",\"kind\":\"HALL\"}\n", StandardCharsets.UTF_8),
                "v.jsonl", StandardCharsets.UTF_8, -1, () -> bytes("venueId,code\n", StandardCharsets.UTF_8), "f.csv"))
                .isInstanceOf(InputException.class)
                .hasMessage("v.jsonl:1: the file is JSON Lines (its first line is a JSON object), not a CSV table: read"
                        + " it as JSON Lines, whose records hold their own findings");
    }

    @Test
    void aJsonLinesFileWhoseLinesEndInACarriageReturnAloneGivesOneRecordPerLine() throws Exception {
        String file = "{\"id\":\"V1\",\"kind\":\"HALL\"}\r{\"id\":\"V2\",\"kind\":\"HALL\"}\r";

        List<VenueRecord> records = all(VenueReader.jsonLines(bytes(file, StandardCharsets.UTF_8), "mac.jsonl",
                StandardCharsets.UTF_8, -1));

        assertThat(records).extracting(VenueRecord::origin).containsExactly(new Origin("mac.jsonl", 1),
                new Origin("mac.jsonl", 2));
        assertThat(records).allMatch(r -> r instanceof VenueRecord.Parsed);
    }

    @Test
    void theResultLineIsTheSameWrittenOneByOneOrAsAString() throws Exception {
        CampaignFixture tiny = CampaignFixture.copyOf("tiny", temp);
        VenueRecord.Parsed hall = (VenueRecord.Parsed) VenueReader.jsonLine(new Origin("v.jsonl", 7),
                "{\"id\":\"H1\",\"name\":\"礼堂\",\"kind\":\"HALL\",\"occupants\":300,\"date\":\"2024-02-10\","
                        + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\"}]}");
        try (RiskEngine engine = RiskEngine.builder().campaignDirectory(tiny.folder()).build()) {
            Assessment a = engine.assess(hall.facts());
            StringWriter out = new StringWriter();
            AssessmentJsonLines writer = new AssessmentJsonLines(out, Locale.SIMPLIFIED_CHINESE, true);
            writer.write(hall.facts().venue(), a, hall.origin());
            writer.flush();

            String line = AssessmentJsonLines.line(hall.facts().venue(), a, hall.origin(), Locale.SIMPLIFIED_CHINESE, true);
            assertThat(out.toString()).isEqualTo(line + "\n");
            assertThat(line).startsWith("{\"venueId\":\"H1\",\"name\":\"礼堂\",\"kind\":\"HALL\"")
                    .contains("\"grade\":\"" + a.grade().name() + "\"").contains("\"reasons\":[")
                    .endsWith("\"source\":\"v.jsonl:7\"}");
        }
    }
    // ------------------------------------------------------------------ the inputs of GB 35181-2025 4.2 a) and b)

    @Test
    void theInputsOf42aAnd42bAreReadFromCsvTablesAndJsonLinesAlike() throws Exception {
        // Given a stopped venue confirmed without real fire risk, with three findings: caused by a standard's revision,
        // caused but a law still requires it, and not recorded — as CSV tables (Chinese columns) and as JSON Lines
        String venues = "场所编号,类型,经营状态,检查日期,无现实火灾风险\nH1,HALL,停业,2025/11/15,是\nH2,HALL,营业,2025/11/15,\n";
        String findings = "场所编号,隐患编号,隐患代码,标准修订\nH1,F1,EXITS_TOO_FEW,是\nH1,F2,EXITS_TOO_FEW,法律法规有明确规定\n"
                + "H1,F3,EXITS_TOO_FEW,\n";
        String json = "{\"id\":\"H1\",\"kind\":\"HALL\",\"status\":\"SUSPENDED\",\"date\":\"2025-11-15\",\"noRealFireRisk\":true,"
                + "\"findings\":[{\"id\":\"F1\",\"code\":\"EXITS_TOO_FEW\",\"standardRevision\":\"CAUSED\"},"
                + "{\"id\":\"F2\",\"code\":\"EXITS_TOO_FEW\",\"standardRevision\":\"caused_but_law_requires\"},"
                + "{\"id\":\"F3\",\"code\":\"EXITS_TOO_FEW\"}]}\n";

        List<VenueRecord> tables = csv(venues, findings);
        VenueRecord.Parsed fromJson = (VenueRecord.Parsed) VenueReader.jsonLine(new Origin("v.jsonl", 1), json.strip());

        // Then both give the same facts: the confirmation on the venue, the revision on each finding
        for (io.firerisk.VenueFacts facts : List.of(parsed(tables, "H1").facts(), fromJson.facts())) {
            assertThat(facts.noRealFireRisk()).isTrue();
            assertThat(facts.findings()).extracting(io.firerisk.Finding::standardRevision).containsExactly(
                    io.firerisk.StandardRevision.CAUSED, io.firerisk.StandardRevision.CAUSED_BUT_LAW_REQUIRES,
                    io.firerisk.StandardRevision.NONE);
        }
        // And a venue that says nothing is not confirmed
        assertThat(parsed(tables, "H2").facts().noRealFireRisk()).isFalse();
    }

    @Test
    void aConfirmationOrARevisionThatIsNeitherIsRejectedWithItsFileLineAndColumn() throws Exception {
        // Given noRealFireRisk=maybe for one venue, and a revision no one can read for another's finding
        String venues = "id,kind,date,noRealFireRisk\nH1,HALL,2025-11-15,maybe\nH2,HALL,2025-11-15,N\nH3,HALL,2025-11-15,Y\n";
        String findings = "venueId,id,code,standardRevision\nH2,F1,EXITS_TOO_FEW,perhaps\nH3,F1,EXITS_TOO_FEW,NONE\n";

        List<VenueRecord> records = csv(venues, findings);

        // Then each is rejected where it is wrong, and the good venue is read
        VenueRecord.Rejected h1 = rejected(records, "H1");
        assertThat(h1.origin()).isEqualTo(new Origin("场所.csv", 2));
        assertThat(h1.field()).isEqualTo("noRealFireRisk");
        assertThat(h1.message()).contains("'maybe'", "yes or no");
        VenueRecord.Rejected h2 = rejected(records, "H2");
        assertThat(h2.origin()).isEqualTo(new Origin("隐患.csv", 2));
        assertThat(h2.field()).isEqualTo("standardRevision");
        assertThat(h2.message()).contains("'perhaps'", "NONE, CAUSED, CAUSED_BUT_LAW_REQUIRES");
        assertThat(parsed(records, "H3").facts().noRealFireRisk()).isTrue();

        // And JSON Lines say the same, naming the field
        VenueRecord.Rejected j1 = (VenueRecord.Rejected) VenueReader.jsonLine(new Origin("v.jsonl", 4),
                "{\"id\":\"H1\",\"kind\":\"HALL\",\"noRealFireRisk\":\"maybe\"}");
        assertThat(j1.field()).isEqualTo("noRealFireRisk");
        assertThat(j1.origin()).isEqualTo(new Origin("v.jsonl", 4));
        assertThat(j1.message()).contains("true or false", "maybe");
        VenueRecord.Rejected j2 = (VenueRecord.Rejected) VenueReader.jsonLine(new Origin("v.jsonl", 5),
                "{\"id\":\"H2\",\"kind\":\"HALL\",\"findings\":[{\"id\":\"F1\",\"code\":\"X\",\"standardRevision\":\"perhaps\"}]}");
        assertThat(j2.field()).isEqualTo("findings[0].standardRevision");
        assertThat(j2.message()).contains("perhaps", "CAUSED_BUT_LAW_REQUIRES");
    }
}
