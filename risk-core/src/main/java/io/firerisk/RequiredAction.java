package io.firerisk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Something the unit or the authority must do, by when, and why. Requests for the same action on
 * the same subject are merged: the earliest deadline and the most urgent priority win, and the
 * clauses and findings of every request are kept.
 *
 * @param code       action code from the campaign's action table
 * @param label      what to do
 * @param findingId  the finding the action is about, empty for an action on the whole venue
 * @param due        the deadline, empty when the action has none
 * @param dueBasis   what set the deadline (a period, the grade, a limit, what the work needs), empty with no deadline
 * @param priority   how urgent it is
 * @param clauses    the clauses that require it
 * @param findingIds the findings that triggered it
 * @param details    specifics added by the rules, such as which parts of 五落实 are missing
 */
public record RequiredAction(
        String code,
        Text label,
        Optional<String> findingId,
        Optional<LocalDate> due,
        Optional<DueBasis> dueBasis,
        Priority priority,
        List<ClauseRef> clauses,
        List<String> findingIds,
        List<Text> details) {

    public RequiredAction {
        Checks.id("RequiredAction", "code", code);
        label = label == null ? Text.EMPTY : label;
        findingId = findingId == null ? Optional.empty() : findingId;
        due = due == null ? Optional.empty() : due;
        dueBasis = dueBasis == null ? Optional.empty() : dueBasis;
        Checks.notNull("RequiredAction", "priority", priority);
        clauses = List.copyOf(clauses);
        findingIds = List.copyOf(findingIds);
        details = List.copyOf(details);
    }

    /** {@code true} when the action is due on the given day or earlier. */
    public boolean dueBy(LocalDate date) {
        return due.map(d -> !d.isAfter(date)).orElse(false);
    }
}
