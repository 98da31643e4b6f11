/**
 * 检查记录: the inspections the ledger holds, filtered by unit, street, inspector, kind and days, paged, as of a
 * date; the list every inspection count of the reports opens. A unit officer's list holds their own unit's
 * venues' inspections only, whatever the address asks for.
 */
package io.firerisk.server.inspections;
