package io.firerisk.ledger;

import io.firerisk.Text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign's rules for the closed loop, read from {@code ledger.yaml} in the campaign folder:
 * who may record which event, how deadlines are extended, how a late hazard escalates. The plan
 * itself sets none of these numbers; {@code assumption} says so wherever it is true.
 *
 * @param source      where it was read from
 * @param ownPremises venue kinds that are the bureau's and its units' own premises (二(三), 自查自改)
 * @param deadlineAction the campaign action whose due date is a hazard's deadline when it is recorded without one
 * @param extensions  the extension rules
 * @param escalation  the escalation ladder
 * @param permissions which roles may record each event; an event not listed may be recorded by any
 *                    registered person
 */
public record LedgerPolicy(String source, Set<String> ownPremises, String deadlineAction, Extensions extensions, Escalation escalation,
        Map<EventType, Set<Role>> permissions) {

    public LedgerPolicy {
        ownPremises = Set.copyOf(ownPremises);
        permissions = Map.copyOf(permissions);
    }

    /**
     * @param clause              the clause the rule rests on
     * @param assumption          the numbers are the campaign's assumption, not the plan's
     * @param maxPerHazard        approved extensions a hazard may have
     * @param maxDaysEach         days one extension may add to the deadline in force
     * @param approvers           roles that may approve or refuse
     * @param supervisedApprovers roles that may approve or refuse for a hazard under 挂牌督办
     */
    public record Extensions(String clause, boolean assumption, int maxPerHazard, int maxDaysEach, Set<Role> approvers,
            Set<Role> supervisedApprovers) {
        public Extensions {
            approvers = Set.copyOf(approvers);
            supervisedApprovers = Set.copyOf(supervisedApprovers);
        }
    }

    /**
     * @param clause      the clause the ladder rests on
     * @param assumption  the numbers are the campaign's assumption, not the plan's
     * @param dueSoonDays a hazard this many days or fewer before its deadline is due soon
     * @param levels      the rungs, lowest first
     */
    public record Escalation(String clause, boolean assumption, int dueSoonDays, List<Level> levels) {
        public Escalation {
            levels = List.copyOf(levels);
        }

        /** The highest rung reached after {@code daysOverdue} days, empty when none. */
        public Optional<Level> levelFor(int daysOverdue) {
            Level reached = null;
            for (Level l : levels) {
                if (daysOverdue >= l.afterDaysOverdue()) {
                    reached = l;
                }
            }
            return Optional.ofNullable(reached);
        }
    }

    /**
     * One rung of the ladder.
     *
     * @param level            1 for the first rung
     * @param code             such as {@code REMIND}
     * @param label            what happens at it
     * @param afterDaysOverdue reached once a hazard is this many days overdue
     */
    public record Level(int level, String code, Text label, int afterDaysOverdue) {}

    /** The roles that may record {@code type}; empty when any registered person may. */
    public Set<Role> allowed(EventType type) {
        return permissions.getOrDefault(type, Set.of());
    }
}
