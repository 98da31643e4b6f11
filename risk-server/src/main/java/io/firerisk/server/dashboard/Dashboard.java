package io.firerisk.server.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * 挂图作战: where the campaign stands as of a date, for one viewer (a unit officer sees their unit's
 * hazards only). The page and the charts' JSON are this one record, so a chart never shows a number
 * the page does not. Cancelled hazards (recorded by mistake) are counted nowhere.
 *
 * @param asOf      the date
 * @param calendar  the campaign's phase and alert level then, and the next key period
 * @param totals    the headline numbers
 * @param byState   hazards by state of the closed loop, in its order
 * @param byGrade   hazards by their venue's grade, red first; {@code NONE} for a venue not assessed
 * @param byCategory hazards by catalogue category, most first
 * @param byStreet  by street (街道), most open first
 * @param byUnit    by unit responsible, most open first
 * @param trend     week by week from the campaign's start to the date
 * @param computedAt when its figures were counted, in the campaign's time zone: a dashboard of today may be shown
 *                  for a few seconds after later recordings ({@code firerisk.desk.dashboard.max-staleness})
 * @param ofToday   the date is today, so the figures move with each recording and the page says when they were counted
 */
public record Dashboard(LocalDate asOf, Calendar calendar, Totals totals, List<Bucket> byState, List<Bucket> byGrade,
        List<Bucket> byCategory, List<Area> byStreet, List<Area> byUnit, List<Week> trend,
        java.time.LocalDateTime computedAt, boolean ofToday) {

    /** {@link #computedAt}'s time of day, {@code HH:mm:ss}. */
    public String computedAtTime() {
        return computedAt.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    /**
     * @param phase      the phase in force, empty outside the campaign
     * @param alertCode  the fire-prevention level's code
     * @param alertLevel its name
     * @param next       the key period in force or coming next, if any is left
     */
    public record Calendar(String phase, String alertCode, String alertLevel, KeyPeriod next) {}

    /**
     * @param code      its code
     * @param name      its name
     * @param from      its first day
     * @param to        its last day
     * @param raisedFrom the first day of its raised level
     * @param daysUntil days from the as-of date to {@code raisedFrom}; 0 while it is in force
     * @param inForce   the raised level is in force on the as-of date
     * @param inLeadUp  the as-of date is in its early-warning lead-up
     */
    public record KeyPeriod(String code, String name, LocalDate from, LocalDate to, LocalDate raisedFrom, long daysUntil,
            boolean inForce, boolean inLeadUp) {}

    /**
     * @param hazards      every hazard found (cancelled ones aside)
     * @param open         not yet closed: awaiting rectification, re-inspection or closure
     * @param overdue      past their deadline while the unit still has to rectify them
     * @param openMajor    open at a venue graded red (重大风险)
     * @param closed       closed (销号) or corrected on the spot
     * @param closedOnTime of the hazards closed (销号), those closed by the deadline in force
     * @param closedWithDeadline hazards closed (销号), what {@code closedOnTime} is a share of
     */
    public record Totals(long hazards, long open, long overdue, long openMajor, long closed, long closedOnTime,
            long closedWithDeadline) {}

    /** One bar: a key (a state, grade or category code), its name, and how many. */
    public record Bucket(String key, String label, long count) {}

    /**
     * The units the page lists unless all are asked for: those with the most open hazards. A district has a
     * thousand units, and a table of them all (five links each) was most of what a dashboard cost to render.
     */
    public static final int UNITS_ON_PAGE = 30;

    /** The units the page lists: the first {@link #UNITS_ON_PAGE} (most open hazards first), or all. */
    public List<Area> unitsOnPage(boolean all) {
        return all || byUnit.size() <= UNITS_ON_PAGE ? byUnit : byUnit.subList(0, UNITS_ON_PAGE);
    }

    /** A street or unit with its numbers. */
    public record Area(String key, String name, long hazards, long open, long overdue, long openMajor, long closed) {}

    /** One week of the trend (Monday to Sunday, the last one cut at the as-of date). */
    public record Week(LocalDate from, LocalDate to, int found, int closed, int openAtEnd, int overdueAtEnd) {}
}
