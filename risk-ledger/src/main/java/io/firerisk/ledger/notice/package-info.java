/**
 * The notices the desk prints: a 整改通知书 per hazard or per venue, and a 重大火灾隐患整改通知书 for a
 * suspected major hazard, which says that it awaits the collective determination. {@link
 * io.firerisk.ledger.notice.Notices} makes them from the ledger as of a date; the wording is the
 * campaign's ({@code notices} in ledger.yaml).
 */
package io.firerisk.ledger.notice;
