/**
 * The reports the campaign owes, computed from the ledger as of a date: the periodic analysis
 * (定期分析研判, 三(二)), the due-soon and overdue digest per unit, unit accountability (督导问效,
 * 四(三)) and the final summary (总结提升, 三(三)). Each is an immutable record; {@link
 * io.firerisk.ledger.report.Reports} computes them through the ledger's public reads only, so a report
 * as of a past date is what the ledger said on that date.
 */
package io.firerisk.ledger.report;
