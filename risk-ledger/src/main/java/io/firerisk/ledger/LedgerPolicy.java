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
 * @param reports     what the reports count: the plan's tasks and the criteria for follow-up
 *                    ({@link Reporting#NONE} when the file has no {@code reports} section)
 * @param notices     the wording of the notices the desk prints; empty when the file has no {@code notices} section
 * @param unitWork    the units' own work the desk records: self-inspection checklists and education
 *                    activities; empty when the file has no {@code unitWork} section
 */
public record LedgerPolicy(String source, Set<String> ownPremises, String deadlineAction, Extensions extensions, Escalation escalation,
        Map<EventType, Set<Role>> permissions, Reporting reports, Optional<Notices> notices, Optional<UnitWork> unitWork) {

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

    /**
     * What the reports count ({@code reports} in ledger.yaml).
     *
     * @param tasks             the plan's tasks, in order, and what counts under each
     * @param readinessCategory the hazard category whose open findings are readiness gaps; empty for none
     * @param followUp          when a unit's record calls for follow-up; empty when the campaign sets no criteria
     */
    public record Reporting(List<Task> tasks, String readinessCategory, Optional<FollowUp> followUp) {
        public static final Reporting NONE = new Reporting(List.of(), "", Optional.empty());

        public Reporting {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * One task of the plan and what counts under it.
     *
     * @param code        such as {@code 二(四)}
     * @param title       its title in the plan
     * @param clause      the clause it is
     * @param catalogues  hazard catalogue files whose hazards count under it
     * @param inspections inspection kinds that count under it
     * @param keyPeriods  hazards found while a key period's raised level is in force count under it
     */
    public record Task(String code, Text title, String clause, Set<String> catalogues, Set<InspectionKind> inspections,
            boolean keyPeriods) {
        public Task {
            catalogues = Set.copyOf(catalogues);
            inspections = inspections.isEmpty() ? Set.of() : Set.copyOf(inspections);
        }

        /** Whether hazards of this type count under the task by their catalogue file. */
        public boolean covers(io.firerisk.campaign.HazardType type) {
            return catalogues.contains(fileName(type.file()));
        }

        /** A catalogue file's own name, as {@code catalogues} gives it. */
        static String fileName(String file) {
            return file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        }
    }

    /**
     * The criteria of 督导问效: a unit meeting any one is listed for follow-up.
     *
     * @param clause                the clause they rest on
     * @param assumption            the numbers are the campaign's assumption, not the plan's
     * @param onTimeRateBelow       a share of due hazards rectified by their deadline below this
     * @param overdueHazardsAtLeast this many hazards overdue on the date
     * @param maxDaysOverdueAtLeast one hazard this many days overdue
     * @param reopenedHazardsAtLeast this many hazards reopened at 回头看
     * @param selfInspectionMissing a venue of the unit's own premises not self-inspected
     */
    public record FollowUp(String clause, boolean assumption, double onTimeRateBelow, int overdueHazardsAtLeast,
            int maxDaysOverdueAtLeast, int reopenedHazardsAtLeast, boolean selfInspectionMissing) {}

    /**
     * The notices' wording ({@code notices} in ledger.yaml).
     *
     * @param clause        the clause the notices rest on (the 五落实)
     * @param rectification the 整改通知书
     * @param major         the 重大火灾隐患整改通知书
     * @param pending       what the major notice says while the determination is still to be made
     */
    public record Notices(String clause, Form rectification, Form major, String pending) {}

    /** A notice's form: its title, the prefix of its reference number and its body text. */
    public record Form(String title, String prefix, String body) {}

    /** The roles that may record {@code type}; empty when any registered person may. */
    public Set<Role> allowed(EventType type) {
        return permissions.getOrDefault(type, Set.of());
    }

    /**
     * What a unit records of its own work (自查自改 of 二(三), readiness of 二(九), education of 二(七)).
     *
     * @param checklists the checklists a unit fills for one of its venues
     * @param education  the education activities a unit records
     */
    public record UnitWork(List<Checklist> checklists, List<Activity> education) {
        public UnitWork {
            checklists = List.copyOf(checklists);
            education = List.copyOf(education);
        }

        public Optional<Checklist> checklist(String id) {
            return checklists.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        public Optional<Activity> activity(String code) {
            return education.stream().filter(a -> a.code().equals(code)).findFirst();
        }
    }

    /**
     * A checklist: groups of items, each item a hazard code of the campaign's catalogue, which a failed
     * item is recorded as (a hazard, carried through the closed loop like any other).
     *
     * @param id     its id, such as {@code office}
     * @param label  its name
     * @param clause the clause that asks for it
     * @param kinds  the venue kinds it is for; empty for any venue of the unit
     * @param groups its groups of items, in order
     */
    public record Checklist(String id, Text label, String clause, Set<String> kinds, List<Group> groups) {
        public Checklist {
            kinds = Set.copyOf(kinds);
            groups = List.copyOf(groups);
        }

        public boolean fits(String venueKind) {
            return kinds.isEmpty() || kinds.contains(venueKind);
        }

        public List<String> items() {
            return groups.stream().flatMap(g -> g.items().stream()).toList();
        }
    }

    /** A group of a checklist (电气线路, 燃气管道 …) and its items (hazard codes). */
    public record Group(Text label, List<String> items) {
        public Group {
            items = List.copyOf(items);
        }
    }

    /** An education activity a unit records (三清三关, 五进 …). */
    public record Activity(String code, Text label, String clause) {}
}
