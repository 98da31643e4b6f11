package io.firerisk.ledger.draw;

import io.firerisk.RiskGrade;

import java.time.LocalDate;
import java.util.List;

/**
 * A 双随机、一公开 inspection plan: the venues drawn at random (weighted by grade and overdue
 * rectifications), the re-inspections (回头看) that are always in, and the inspectors drawn for
 * each. The seed and the method are part of the plan so anyone can redraw it and check.
 *
 * @param seed         the seed of the draw
 * @param date         the plan's date, also the date venues were assessed as of
 * @param candidates   venues the random draw was made from
 * @param drawn        venues drawn at random
 * @param reinspections venues in the plan for a re-inspection of rectified hazards
 * @param rows         the plan, re-inspections first, then the draw in the order drawn
 * @param warnings     what could not be done as asked (a roster too small to avoid repeats)
 */
public record InspectionPlan(long seed, LocalDate date, long candidates, int drawn, int reinspections, List<Row> rows,
        List<String> warnings) {

    public InspectionPlan {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** Someone who may be drawn to inspect. */
    public record Inspector(String id, String name) {}

    /**
     * One venue to inspect.
     *
     * @param seq                position in the plan, from 1
     * @param reinspection       it has hazards reported rectified that a re-inspection must confirm (回头看)
     * @param drawn              it was drawn at random
     * @param reinspectFindings  the findings to re-inspect
     * @param overdueFindings    open findings past their rectification deadline
     * @param weight             its weight in the draw
     * @param inspectors         the inspectors assigned
     * @param note               anything unusual about the assignment, else empty
     */
    public record Row(int seq, String venueId, String name, String street, String kind, RiskGrade grade, boolean reinspection,
            boolean drawn, List<String> reinspectFindings, int overdueFindings, double weight,
            List<Inspector> inspectors, String note) {
        public Row {
            reinspectFindings = List.copyOf(reinspectFindings);
            inspectors = List.copyOf(inspectors);
        }
    }
}
