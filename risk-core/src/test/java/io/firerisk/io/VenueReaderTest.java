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
}
