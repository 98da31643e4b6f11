package io.firerisk.campaign;

import io.firerisk.Priority;
import io.firerisk.Text;

import java.util.OptionalInt;

/**
 * A row of the action table.
 *
 * @param code       the code rules request
 * @param label      what must be done
 * @param priority   default priority
 * @param days       days from the assessment date to the deadline (0 = the same day), empty for none
 * @param perFinding one action per triggering finding, rather than one for the whole venue
 * @param byGrade    the deadline also obeys the grade's rectification period, whichever is sooner
 * @param capped     a deadline cap (a key period's, for instance) may bring the deadline forward; false for an action
 *                   with a timetable of its own, such as a penalty procedure
 */
public record ActionType(String code, Text label, Priority priority, OptionalInt days, boolean perFinding,
        boolean byGrade, boolean capped) {}
