package io.firerisk;

import java.util.Optional;

/**
 * One row of the campaign's likelihood (L) or severity (S) table that applied to the venue, or a
 * raise of L (a key period, an overdue or a repeated hazard).
 *
 * @param code      the row's code in the campaign's table; empty for a raise
 * @param label     what the row says
 * @param level     the row's level; for a raise, the level L reaches with it (never above the
 *                  campaign's cap for raises)
 * @param raise     steps a raise lifts L by, 0 for a row
 * @param findingId the finding that set it, empty when the venue as a whole did
 * @param rule      the rule that concluded it; empty for the table's default row (nothing else applied)
 * @param clause    the clause behind it
 * @param reason    that rule's firing, empty when explanations are off or for the default row
 */
public record MatrixRow(String code, Text label, int level, int raise, Optional<String> findingId, String rule,
        ClauseRef clause, Optional<Reason> reason) {

    public MatrixRow {
        Checks.notNull("MatrixRow", "code", code);
        label = label == null ? Text.EMPTY : label;
        Checks.atLeast("MatrixRow", "raise", raise, 0);
        findingId = findingId == null ? Optional.empty() : findingId;
        Checks.notNull("MatrixRow", "rule", rule);
        Checks.notNull("MatrixRow", "clause", clause);
        reason = reason == null ? Optional.empty() : reason;
    }

    public boolean isRaise() {
        return raise > 0;
    }

    /** The table's default row: no rule concluded any other. */
    public boolean isDefault() {
        return rule.isEmpty();
    }

    /** The concluding rule's sentence, empty when explanations are off or for the default row. */
    public Text because() {
        return reason.map(Reason::sentence).orElse(Text.EMPTY);
    }
}
