package io.firerisk.campaigns.wanzhou;

import io.firerisk.Assessment;
import io.firerisk.HazardVerdict;
import io.firerisk.Label;
import io.firerisk.io.AssessmentJsonLines;
import io.firerisk.io.VenueReader;
import io.firerisk.io.VenueRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs of GB 35181-2025 4.2 a) and b), from a spreadsheet to the result: a CSV venue table and findings
 * table read as facts, assessed by the bundled campaign on a date the 2025 edition is in force, and written as
 * the JSON Lines result.
 */
class Gb35181Edition2025InputsTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<VenueRecord> read(String venues, String findings) throws Exception {
        List<VenueRecord> records = new ArrayList<>();
        try (VenueReader reader = VenueReader.csv(bytes(venues), "场所.csv", StandardCharsets.UTF_8, -1,
                () -> bytes(findings), "隐患.csv")) {
            for (VenueReader.Pending p = reader.next(); p != null; p = reader.next()) {
                records.add(p.parse());
            }
        }
        return records;
    }

    private static VenueRecord.Parsed parsed(List<VenueRecord> records, String id) {
        return records.stream().filter(r -> r instanceof VenueRecord.Parsed p && p.facts().venue().id().equals(id))
                .map(r -> (VenueRecord.Parsed) r).findFirst().orElseThrow(() -> new AssertionError(id + ": " + records));
    }

    @Test
    void aStoppedKtvConfirmedWithoutRealFireRiskInTheSpreadsheetIsExcludedAndTheResultSaysSo() throws Exception {
        // Given two stopped KTVs with too few exits on 2025-11-15, one confirmed on site without real fire risk
        String venues = "场所编号,名称,类型,容纳人数,经营状态,检查日期,无现实火灾风险\n"
                + "K1,星光KTV,ENTERTAINMENT,200,停业,2025-11-15,是\n"
                + "K2,月光KTV,ENTERTAINMENT,200,停业,2025-11-15,否\n";
        String findings = "场所编号,隐患编号,隐患代码,部位\nK1,F1,EXITS_TOO_FEW,二楼\nK2,F1,EXITS_TOO_FEW,二楼\n";

        List<VenueRecord> records = read(venues, findings);
        VenueRecord.Parsed k1 = parsed(records, "K1");
        VenueRecord.Parsed k2 = parsed(records, "K2");
        Assessment confirmed = Wanzhou.ENGINE.assess(k1.facts());
        Assessment unconfirmed = Wanzhou.ENGINE.assess(k2.facts());

        // Then 4.2 b) excludes the confirmed one, and the JSON Lines result names the exclusion
        assertThat(confirmed.determination().exclusions()).extracting(Label::code).containsExactly("OUT_OF_USE_NO_REAL_RISK");
        assertThat(confirmed.verdict()).isNotEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        assertThat(AssessmentJsonLines.line(k1.facts().venue(), confirmed, k1.origin(), Locale.SIMPLIFIED_CHINESE, false))
                .contains("\"exclusions\":[\"OUT_OF_USE_NO_REAL_RISK\"]");
        // And the other is still judged under 5.2 c)
        assertThat(unconfirmed.verdict()).isEqualTo(HazardVerdict.SUSPECTED_MAJOR);
        assertThat(AssessmentJsonLines.line(k2.facts().venue(), unconfirmed, k2.origin(), Locale.SIMPLIFIED_CHINESE, false))
                .contains("\"exclusions\":[]");
    }

    @Test
    void aFindingTheSpreadsheetMarksAsCausedByAStandardsRevisionIsNotAnElementUnlessALawRequiresIt() throws Exception {
        // Given three KTVs with too few exits on 2025-11-15: caused by a revision, caused but a law requires it, not caused
        String venues = "id,name,kind,occupants,date\nK1,甲,ENTERTAINMENT,200,2025-11-15\nK2,乙,ENTERTAINMENT,200,2025-11-15\n"
                + "K3,丙,ENTERTAINMENT,200,2025-11-15\n";
        String findings = "venueId,id,code,standardRevision\nK1,F1,EXITS_TOO_FEW,CAUSED\n"
                + "K2,F1,EXITS_TOO_FEW,法律法规有明确规定\nK3,F1,EXITS_TOO_FEW,\n";

        List<VenueRecord> records = read(venues, findings);
        Assessment caused = Wanzhou.ENGINE.assess(parsed(records, "K1").facts());
        Assessment lawRequires = Wanzhou.ENGINE.assess(parsed(records, "K2").facts());
        Assessment notCaused = Wanzhou.ENGINE.assess(parsed(records, "K3").facts());

        // Then 4.2 a) leaves only the first out
        assertThat(caused.determination().directElements()).isEmpty();
        assertThat(caused.citedClauses()).contains("GB 35181-2025 4.2 a)");
        assertThat(lawRequires.determination().directElements()).containsExactly("5.2.c");
        assertThat(notCaused.determination().directElements()).containsExactly("5.2.c");
    }
}
