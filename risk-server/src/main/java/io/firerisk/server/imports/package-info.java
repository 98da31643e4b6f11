/**
 * 导入检查记录: a filled inspection sheet (the template the desk offers) uploaded and recorded in the ledger,
 * whole or not at all, through {@link io.firerisk.ledger.excel.InspectionSheets}.
 */
package io.firerisk.server.imports;
