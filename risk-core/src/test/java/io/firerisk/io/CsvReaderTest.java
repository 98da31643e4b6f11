package io.firerisk.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading text and CSV as spreadsheets write them; writing CSV that stays inert in a spreadsheet. */
class CsvReaderTest {

    private static List<CsvRecord> rows(byte[] bytes, Charset charset) throws IOException {
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(bytes), charset)) {
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<CsvRecord> rows(String text) throws IOException {
        return rows(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndRowsKeepTheLineTheyStartOn() throws IOException {
        List<CsvRecord> rows = rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast, 1 ,\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).fields()).containsExactly("x, y", "say \"hi\"", "two\nlines");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(rows.get(2).fields()).containsExactly("last", "1", "");
    }

    @Test
    void aQuoteLeftOpenAtTheEndIsATruncatedRecord() throws IOException {
        List<CsvRecord> rows = rows("a,b\n1,\"never closed\n");

        assertThat(rows.get(1).error()).contains("truncated");
    }

    @Test
    void aUtf8ByteOrderMarkIsDroppedAndAGbkLineReadAsUtf8IsMarkedNotGuessed() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] header = "编号,名称\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "1,滨江宾馆\n".getBytes(Charset.forName("GBK"));
        byte[] all = new byte[bom.length + header.length + gbk.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(header, 0, all, bom.length, header.length);
        System.arraycopy(gbk, 0, all, bom.length + header.length, gbk.length);

        List<CsvRecord> rows = rows(all, StandardCharsets.UTF_8);

        assertThat(rows.get(0).fields()).containsExactly("编号", "名称");
        assertThat(rows.get(0).malformed()).isFalse();
        assertThat(rows.get(1).malformed()).isTrue();
    }

    @Test
    void aUtf16FileIsRefusedWithWhatToDo() {
        byte[] utf16 = "id,kind\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);

        assertThatThrownBy(() -> rows(withBom, StandardCharsets.UTF_8)).hasMessageContaining("UTF-16")
                .hasMessageContaining("save it as CSV UTF-8");
    }

    private static List<CsvRecord> table(String text) throws IOException {
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.of(text)) {
            CsvRecord header = csv.next();
            rows.add(header);
            csv.expectColumns(header.fields().size());
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aStrayQuoteClosedByAQuoteOnALaterLineSwallowsNoRowAndItsLineIsRejectedWithTheLineRange() throws IOException {
        // Given a quote left open in V1's name and a stray quote in V3's, two rows apart: read as one
        // quoted cell, the column count comes out right and V1 would take V3's kind and occupants
        String text = "id,name,kind,occupants\n"
                + "V1,\"滨江宾馆,HOTEL,100\n"
                + "V2,菜市场,MARKET,20\n"
                + "V3,酒吧\",KTV,300\n"
                + "V4,旅馆,HOTEL,50\n";

        // When the table is read
        List<CsvRecord> rows = table(text);

        // Then every line is its own record: V1's line rejected naming the column and the lines its quote ran
        // into, V2 and V4 read as written, V3's stray quote an error of its own
        assertThat(rows).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(rows.get(1).error()).contains("a quoted cell opened on this line (column 2) runs on into line 3,"
                + " which reads as a row of its own (lines 2–3)");
        assertThat(rows.get(1).column()).isEqualTo(2);
        assertThat(rows.get(1).cell(0)).isEqualTo("V1");
        assertThat(rows.get(2).readable()).isTrue();
        assertThat(rows.get(2).fields()).containsExactly("V2", "菜市场", "MARKET", "20");
        assertThat(rows.get(3).error()).contains("column 2 holds a quote inside a cell that is not quoted");
        assertThat(rows.get(3).cell(0)).isEqualTo("V3");
        assertThat(rows.get(4).fields()).containsExactly("V4", "旅馆", "HOTEL", "50");
    }

    @Test
    void aQuotedCellSpanningLinesIsOneCellWhenNoLineItTakesInCouldBeARowOfItsOwn() throws IOException {
        List<CsvRecord> rows = table("id,name,kind\nV1,\"二号楼, 东侧\n三层，\"\"火锅\"\"\",HOTEL\nV2,菜市场,MARKET\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).fields()).containsExactly("V1", "二号楼, 东侧\n三层，\"火锅\"", "HOTEL");
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void aQuoteInsideAnUnquotedCellIsAnErrorNamingTheColumnNotTextOfTheCell() throws IOException {
        List<CsvRecord> rows = table("a,b,c\n1,x\"y,z\n2,ok,ok\n");

        assertThat(rows.get(1).error()).startsWith("column 2 holds a quote inside a cell that is not quoted");
        assertThat(rows.get(1).column()).isEqualTo(2);
        assertThat(rows.get(1).readable()).isFalse();
        assertThat(rows.get(2).fields()).containsExactly("2", "ok", "ok");
    }

    @Test
    void aClosingQuoteFollowedByTextIsAnErrorForThatRecordAloneEvenWhenAnotherQuoteOpensAfterIt() throws IOException {
        List<CsvRecord> rows = table("a,b,c\n1,\"x\"y,\"z\n2,ok,ok\n");

        assertThat(rows.get(1).error()).startsWith("the quoted cell in column 2 closes and is followed by 'y' instead of"
                + " a comma or the end of the line");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows.get(2).fields()).containsExactly("2", "ok", "ok");
    }

    @Test
    void aLineOverTheLimitKeepsTheCellsAtItsStartSoItsRowCanBeNamed() throws IOException {
        String huge = "x".repeat(CsvReader.MAX_LINE_BYTES + 10);
        List<CsvRecord> rows = table("venueId,id,location\nV9,F1," + huge + "\nV10,F1,后厨\n");

        assertThat(rows.get(1).error()).contains("over the limit of 1048576 bytes");
        assertThat(rows.get(1).fields()).containsExactly("V9", "F1");
        assertThat(rows.get(1).raw()).hasSizeLessThan(300);
        assertThat(rows.get(2).fields()).containsExactly("V10", "F1", "后厨");
    }

    @Test
    void aFileWhoseLinesEndInACarriageReturnAloneIsReadLineByLine() throws IOException {
        List<CsvRecord> rows = rows("id,name\rV1,甲\rV2,\"乙\r二楼\"\r\nV3,丙\n");

        assertThat(rows).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 5L);
        assertThat(rows.get(2).fields()).containsExactly("V2", "乙\n二楼");
        assertThat(rows.get(3).fields()).containsExactly("V3", "丙");
    }

    @Test
    void inAFileOfNewlinesACarriageReturnInsideAnUnquotedCellStaysAnError() throws IOException {
        List<CsvRecord> rows = rows("id,name\nV1,甲\r乙\nV2,丙\n");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).error()).contains("a carriage return stands inside an unquoted cell");
        assertThat(rows.get(2).fields()).containsExactly("V2", "丙");
    }

    @Test
    void onlyTheEncodingsChineseInputComesInAreAccepted() {
        assertThatThrownBy(() -> CsvReader.open(new ByteArrayInputStream(new byte[0]), StandardCharsets.ISO_8859_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8")
                .hasMessageContaining("GBK").hasMessageContaining("not ISO-8859-1");
    }

    @Test
    void aLineOfAFileReadAsGbkThatIsPlainlyUtf8IsNotTakenAsTextButRejectedWithWhatToDo() throws IOException {
        List<CsvRecord> rows = rows("id,name\nV1,滨江宾馆\n".getBytes(StandardCharsets.UTF_8), Charset.forName("GBK"));

        assertThat(rows.get(0).readable()).isTrue();
        assertThat(rows.get(1).malformed()).isTrue();
        assertThat(rows.get(1).error()).isEqualTo("the line is UTF-8 text, not GBK: read as GBK it would give wrong"
                + " characters; run again with --encoding UTF-8");
    }

    @Test
    void commentLinesAreSkippedUnreadWhenAskedQuotesAndAll() throws IOException {
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.of("code,zh\n# 7.3.3's \"除6.5规定外\n  # a, \"b\nA,甲\n")) {
            csv.skipComments();
            for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
                rows.add(row);
            }
        }

        assertThat(rows).extracting(CsvRecord::line).containsExactly(1L, 4L);
        assertThat(rows.get(1).fields()).containsExactly("A", "甲");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreWrittenInert() {
        assertThat(CsvWriter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvWriter.cell("-5")).isEqualTo("-5");
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("plain")).isEqualTo("plain");
    }

    @Test
    void columnNamesMatchWhateverTheirCaseSpacingOrUnit() {
        assertThat(CsvReader.columnKey("Height (m)")).isEqualTo("height");
        assertThat(CsvReader.columnKey("建筑高度（米）")).isEqualTo("建筑高度");
        assertThat(CsvReader.columnKey("Dangerous_Goods")).isEqualTo("dangerousgoods");
        assertThat(CsvReader.columnKey("plan.deadline")).isEqualTo("plandeadline");
    }
}
