package io.firerisk.campaign;

import io.firerisk.CalendarPosition;
import io.firerisk.Label;
import io.firerisk.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign's phases and key periods, and the alert levels they bring. Answers where a date
 * falls, and lists the spans between two dates for a report to draw. Immutable.
 *
 * <pre>{@code
 * CampaignCalendar calendar = engine.campaign().calendar();
 * calendar.position(LocalDate.of(2024, 2, 9));       // IMPLEMENTATION, early warning before SPRING_FESTIVAL
 * calendar.between(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));   // the spans to draw
 * }</pre>
 */
public final class CampaignCalendar {

    private final List<Phase> phases;
    private final List<KeyPeriod> keyPeriods;
    private final Map<String, Text> alertLevels;
    private final String normalLevel;
    private final String warningLevel;
    private final String clause;

    /**
     * @param phases       in date order, not overlapping
     * @param keyPeriods   in date order, inside the phases
     * @param alertLevels  level code to label, lowest level first
     * @param normalLevel  the level outside key periods
     * @param warningLevel the level during an early-warning lead-up
     * @param clause       the clause that raises the level at key periods
     */
    public CampaignCalendar(List<Phase> phases, List<KeyPeriod> keyPeriods, Map<String, Text> alertLevels,
            String normalLevel, String warningLevel, String clause) {
        this.phases = List.copyOf(phases);
        this.keyPeriods = List.copyOf(keyPeriods);
        this.alertLevels = Map.copyOf(alertLevels);
        this.normalLevel = normalLevel;
        this.warningLevel = warningLevel;
        this.clause = clause;
    }

    public List<Phase> phases() {
        return phases;
    }

    public List<KeyPeriod> keyPeriods() {
        return keyPeriods;
    }

    public String clause() {
        return clause;
    }

    /** First day of the first phase. */
    public LocalDate start() {
        return phases.get(0).from();
    }

    /** Last day of the last phase. */
    public LocalDate end() {
        return phases.get(phases.size() - 1).to();
    }

    public boolean inForce(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Optional<Phase> phaseOn(LocalDate date) {
        return phases.stream().filter(p -> p.contains(date)).findFirst();
    }

    public Optional<KeyPeriod> keyPeriodOn(LocalDate date) {
        return keyPeriods.stream().filter(k -> k.raisedOn(date)).findFirst();
    }

    /** The nearest key period whose early-warning lead-up contains the date. */
    public Optional<KeyPeriod> upcomingOn(LocalDate date) {
        return keyPeriods.stream().filter(k -> k.inLeadUp(date)).min(Comparator.comparing(KeyPeriod::raisedFrom));
    }

    /** The key period with the given code. */
    public Optional<KeyPeriod> keyPeriod(String code) {
        return keyPeriods.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public Label level(String code) {
        return new Label(code, alertLevels.getOrDefault(code, Text.of(code, code)));
    }

    /** Where the date falls: phase, key period, upcoming period and the alert level in force. */
    public CalendarPosition position(LocalDate date) {
        boolean inForce = inForce(date);
        Optional<Phase> phase = phaseOn(date);
        Optional<KeyPeriod> period = inForce ? keyPeriodOn(date) : Optional.empty();
        Optional<KeyPeriod> upcoming = inForce ? upcomingOn(date) : Optional.empty();
        String level = period.map(KeyPeriod::alertLevel)
                .orElse(upcoming.isPresent() ? warningLevel : normalLevel);
        return new CalendarPosition(date, inForce,
                phase.map(p -> new Label(p.code(), p.label())),
                period.map(k -> new Label(k.code(), k.label())),
                upcoming.map(k -> new Label(k.code(), k.label())),
                upcoming.map(KeyPeriod::raisedFrom),
                level(level));
    }

    /**
     * The campaign summary for a date range: every phase, key period (its raised level, margin
     * included) and early-warning lead-up that overlaps {@code [from, to]}, whole rather than cut at
     * the range, in date order (a phase before the spans starting on the same day). Empty when the
     * range lies outside the campaign. Spans may overlap one another: a phase holds its key periods,
     * and one period's lead-up may begin before the previous period has ended.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public List<CalendarEntry> between(LocalDate from, LocalDate to) {
        java.util.Objects.requireNonNull(from, "from");
        java.util.Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        List<CalendarEntry> entries = new ArrayList<>();
        for (Phase p : phases) {
            if (overlaps(p.from(), p.to(), from, to)) {
                entries.add(new CalendarEntry(CalendarEntry.Type.PHASE, p.code(), p.label(), p.from(), p.to(),
                        level(normalLevel)));
            }
        }
        for (KeyPeriod k : keyPeriods) {
            if (k.leadDays() > 0 && overlaps(k.warningFrom(), k.raisedFrom().minusDays(1), from, to)) {
                entries.add(new CalendarEntry(CalendarEntry.Type.EARLY_WARNING, k.code(), k.label(), k.warningFrom(),
                        k.raisedFrom().minusDays(1), level(warningLevel)));
            }
            if (overlaps(k.raisedFrom(), k.raisedTo(), from, to)) {
                entries.add(new CalendarEntry(CalendarEntry.Type.KEY_PERIOD, k.code(), k.label(), k.raisedFrom(),
                        k.raisedTo(), level(k.alertLevel())));
            }
        }
        entries.sort(Comparator.comparing(CalendarEntry::from).thenComparing(CalendarEntry::type));
        return List.copyOf(entries);
    }

    private static boolean overlaps(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        return !aTo.isBefore(bFrom) && !aFrom.isAfter(bTo);
    }
}
