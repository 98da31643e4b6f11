package io.firerisk.internal;

import io.firerisk.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {

    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaksKeepingLineNumbers() {
        List<Problem> problems = new ArrayList<>();
        CsvTable t = CsvTable.parse("x.csv", "\uFEFFcode,zh\r\nA,\"一, 二\"\r\nB,\"say \"\"hi\"\"\nnext line\"\nC,三\n", problems);
        assertThat(problems).isEmpty();
        assertThat(t.header()).containsExactly("code", "zh");
        assertThat(t.rows()).extracting(r -> r.get("code")).containsExactly("A", "B", "C");
        assertThat(t.rows().get(0).get("zh")).isEqualTo("一, 二");
        assertThat(t.rows().get(1).get("zh")).isEqualTo("say \"hi\"\nnext line");
        assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3, 5);
    }

    @Test
    void skipsCommentsAndBlankLines() {
        List<Problem> problems = new ArrayList<>();
        CsvTable t = CsvTable.parse("x.csv", "# note\ncode\n\n# another\nA\n,\n", problems);
        assertThat(t.rows()).extracting(r -> r.get("code")).containsExactly("A");
        assertThat(t.rows().get(0).line()).isEqualTo(5);
    }

    @Test
    void unterminatedQuoteIsAProblemAtTheLineItOpened() {
        List<Problem> problems = new ArrayList<>();
        CsvTable t = CsvTable.parse("x.csv", "code,zh\nA,\"never closed\nB,b\n", problems);
        assertThat(problems).singleElement().hasToString("x.csv:2:2: error: a quoted cell opened on this line (column 2)"
                + " runs on into line 3, which reads as a row of its own (lines 2–3): the quote is stray or the line"
                + " truncated; this line is rejected and the lines after it are read as rows");
        // and the line the quote ran into is read as the row it is
        assertThat(t.rows()).extracting(r -> r.get("code")).containsExactly("B");
    }

    @Test
    void rowWithTooManyFieldsIsAProblemWithItsColumn() {
        List<Problem> problems = new ArrayList<>();
        CsvTable.parse("x.csv", "code,zh\nA,a,extra\n", problems);
        assertThat(problems).singleElement().hasToString("x.csv:2:3: error: row has 3 fields but the header has 2");
    }

    @Test
    void typedReadsReportFileLineAndColumn() {
        List<Problem> problems = new ArrayList<>();
        CsvTable t = CsvTable.parse("h.csv", "code,days,flag\nA,ten,maybe\n", problems);
        CsvTable.Row row = t.rows().get(0);
        assertThat(row.integer("days", 0, 10, problems)).isEmpty();
        assertThat(row.flag("flag", false, problems)).isFalse();
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "h.csv:2:2: error: column 'days': 'ten' is not a whole number",
                "h.csv:2:3: error: column 'flag': 'maybe' must be Y or N");
        // the column is a field of the problem, not only words in its text
        assertThat(problems).extracting(Problem::field).containsExactly("days", "flag");
        assertThat(problems).extracting(Problem::message).containsExactly("'ten' is not a whole number",
                "'maybe' must be Y or N");
        assertThat(problems).extracting(Problem::category).containsOnly(Problem.Category.DATA);
    }
}
