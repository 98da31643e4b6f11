package io.firerisk.ledger.report;

import io.firerisk.ClauseRef;
import io.firerisk.Label;
import io.firerisk.Text;
import io.firerisk.campaign.CalendarEntry;

import java.time.LocalDate;
import java.util.List;

/**
 * 总结提升 (万州城管发〔2023〕114号 三(三)): what the campaign produced, task by task of 二(一)–二(九), as
 * the ledger holds it on {@code asOf}.
 *
 * @param asOf          the date
 * @param from          the campaign's first day
 * @param to            its last day
 * @param document      the plan's document number
 * @param totals        hazards of the whole campaign up to the date
 * @param tasks         each task of the plan with its figures (a hazard may count under more than one)
 * @param majorHazards  venues with a major hazard open on the date
 * @param suspensions   parts of venues whose use must stop on the date, with their legal grounds
 * @param inspections   inspections by kind over the campaign
 * @param readinessGaps readiness gaps (二(九)) found, closed and open
 * @param notInLedger   what the plan asks for that the ledger holds no record of, so no figure is given
 * @param unfinished    per unit, the hazards still open on the date
 * @param calendar      each phase and key period as it ran: what happened inside it
 */
public record FinalSummary(LocalDate asOf, LocalDate from, LocalDate to, String document, Figures totals,
        List<TaskResult> tasks, List<MajorVenue> majorHazards, List<Suspended> suspensions,
        List<PeriodicAnalysis.KindCount> inspections, Figures readinessGaps, List<Text> notInLedger,
        List<Unfinished> unfinished, List<CalendarRun> calendar) {

    public FinalSummary {
        tasks = List.copyOf(tasks);
        majorHazards = List.copyOf(majorHazards);
        suspensions = List.copyOf(suspensions);
        inspections = List.copyOf(inspections);
        notInLedger = List.copyOf(notInLedger);
        unfinished = List.copyOf(unfinished);
        calendar = List.copyOf(calendar);
    }

    /**
     * One task's figures: hazards counted under it, and {@code inspections} of its kinds ({@code inspectionKinds},
     * none when the task counts no inspections).
     */
    public record TaskResult(String code, Text title, String clause, Figures hazards, int inspections,
            java.util.Set<io.firerisk.ledger.InspectionKind> inspectionKinds) {
        public TaskResult {
            inspectionKinds = inspectionKinds.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(inspectionKinds);
        }
    }

    /** A part of a venue whose use must stop, on a ground the campaign lists. */
    public record Suspended(String venueId, String venueName, String unitId, String unitName, String area, Label ground,
            List<ClauseRef> clauses) {
        public Suspended {
            clauses = List.copyOf(clauses);
        }
    }

    /** A unit's open hazards on the date. */
    public record Unfinished(String unitId, String unitName, int open, int overdue, List<String> hazardIds) {
        public Unfinished {
            hazardIds = List.copyOf(hazardIds);
        }
    }

    /** A phase or key period and what happened inside it (up to the report's date). */
    public record CalendarRun(CalendarEntry entry, int found, int closed, int inspections) {}
}
