package io.firerisk.ledger.report;

import io.firerisk.ledger.LedgerPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * 督导问效 (万州城管发〔2023〕114号 四(三)): each unit's record as of a date, ranked, and the units whose
 * record meets the campaign's criteria for follow-up ({@code reports.followUp} in ledger.yaml).
 *
 * <p>The ranking puts first the units that most need attention: those meeting a criterion, then by
 * on-time rate (lowest first; a unit with nothing due yet last), hazards overdue, days overdue, unit id.
 *
 * @param asOf     the date
 * @param criteria the campaign's criteria; empty when it sets none (then no unit is listed)
 * @param units    every unit with a venue, in rank order
 */
public record UnitAccountability(LocalDate asOf, Optional<LedgerPolicy.FollowUp> criteria, List<UnitRecord> units) {

    public UnitAccountability {
        units = List.copyOf(units);
    }

    /** The units listed for follow-up, in rank order. */
    public List<UnitRecord> followUp() {
        return units.stream().filter(UnitRecord::followUp).toList();
    }

    public Optional<UnitRecord> unit(String unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst();
    }

    /**
     * One unit's record.
     *
     * @param rank               1 for the unit most in need of attention
     * @param venues             venues it answers for
     * @param hazards            hazards found at them up to the date (cancelled ones not counted)
     * @param due                hazards whose rectification was due by the date or has been reported
     *                           (corrected-on-the-spot ones need none)
     * @param onTime             of those, rectified (last report) by the deadline then in force and not overdue now
     * @param onTimeRate         onTime / due; empty while nothing is due
     * @param overdue            hazards overdue on the date
     * @param overdueDays        their days overdue, summed
     * @param maxDaysOverdue     the most days one of them is overdue
     * @param repeated           hazards of a type found at the same venue at least {@code tasks.repeated.times-found} times
     * @param reopened           hazards reopened at 回头看
     * @param ownPremises        venues of its own premises (ownPremises in ledger.yaml: 二(三) 自查自改)
     * @param selfInspected      of those, self-inspected in the campaign by the date
     * @param readinessGapsOpen  open hazards of the readiness category (二(九))
     * @param followUpReasons    the criteria its record meets, in Chinese, each with the figure
     */
    public record UnitRecord(int rank, String unitId, String unitName, int venues, int hazards, int due, int onTime,
            OptionalDouble onTimeRate, int overdue, int overdueDays, int maxDaysOverdue, int repeated, int reopened,
            int ownPremises, int selfInspected, int readinessGapsOpen, List<String> followUpReasons) {

        public UnitRecord {
            followUpReasons = List.copyOf(followUpReasons);
        }

        public boolean followUp() {
            return !followUpReasons.isEmpty();
        }

        /** Whether each of its own premises was self-inspected; empty when it has none to inspect. */
        public Optional<Boolean> selfInspectionDone() {
            return ownPremises == 0 ? Optional.empty() : Optional.of(selfInspected == ownPremises);
        }
    }
}
