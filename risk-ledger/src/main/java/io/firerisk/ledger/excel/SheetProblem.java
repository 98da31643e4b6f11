package io.firerisk.ledger.excel;

/**
 * Something wrong in a workbook, where a person would look for it.
 *
 * @param sheet   the sheet's name; empty for the workbook as a whole
 * @param row     the row as Excel numbers it (1 for the header); 0 for the sheet or workbook as a whole
 * @param column  the column's letter and header, such as {@code D 检查日期}; empty for a whole row
 * @param message what is wrong and what is expected, in Chinese
 */
public record SheetProblem(String sheet, int row, String column, String message) {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (!sheet.isEmpty()) {
            b.append("工作表“").append(sheet).append("”");
        }
        if (row > 0) {
            b.append(" 第").append(row).append("行");
        }
        if (!column.isEmpty()) {
            b.append(" ").append(column).append("列");
        }
        return (b.isEmpty() ? "" : b.toString().strip() + "：") + message;
    }
}
