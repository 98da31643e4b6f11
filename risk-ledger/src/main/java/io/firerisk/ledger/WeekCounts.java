package io.firerisk.ledger;

import java.time.LocalDate;

/**
 * One week of the campaign (Monday to Sunday, cut at the range asked for): what happened in it, and
 * where things stood at its end.
 *
 * @param from                 first day
 * @param to                   last day
 * @param found                hazards found
 * @param correctedOnSpot      of those, corrected on the spot
 * @param rectificationsReported rectifications reported
 * @param reinspectionsFailed  re-inspections failed
 * @param closed               hazards closed (销号)
 * @param reopened             hazards reopened at 回头看
 * @param extensionsApproved   extensions granted
 * @param inspections          inspections recorded
 * @param openAtEnd            hazards open at the end of the week
 * @param overdueAtEnd         hazards overdue at the end of the week
 */
public record WeekCounts(LocalDate from, LocalDate to, int found, int correctedOnSpot, int rectificationsReported,
        int reinspectionsFailed, int closed, int reopened, int extensionsApproved, int inspections, int openAtEnd,
        int overdueAtEnd) {}
