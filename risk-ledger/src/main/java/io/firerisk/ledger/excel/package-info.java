/**
 * Excel both ways: every report and the hazard ledger written as {@code .xlsx} ({@link
 * io.firerisk.ledger.excel.Workbooks}), and inspection sheets read back into the ledger from the
 * template the desk offers ({@link io.firerisk.ledger.excel.InspectionSheets}), each bad row reported
 * by sheet, row and column and nothing recorded from a workbook with one.
 */
package io.firerisk.ledger.excel;
