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
