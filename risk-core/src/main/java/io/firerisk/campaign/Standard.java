package io.firerisk.campaign;

import io.firerisk.Text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An edition of a hazard standard as a campaign applies it: its determination (what must happen before
 * a suspected major hazard is final, the exclusions, the counting rows) and the dates the campaign
 * applies it. A standard is a folder of its own ({@code standards/<id>/}) shared by every campaign that
 * names it; an assessment applies the edition in force on its own date. A campaign that names no
 * standard carries its determination itself: it is then its only edition, in force on every date.
 *
 * @param id             the standard folder's id, such as {@code gb35181-2017}; for a campaign's own
 *                       determination, the campaign's {@code standard:} value
 * @param code           the standard the edition belongs to, such as {@code GB 35181}: a campaign's
 *                       editions of one code never overlap
 * @param document       what results name as the edition applied, such as {@code GB 35181-2017}
 * @param title          the standard's title
 * @param source         where it was loaded from (a folder, or {@code classpath:standards/<id>})
 * @param reminder       what must happen before a suspected major hazard is final: the edition's own, or
 *                       where it states none, the campaign's {@code decisionReminder} (citing its own source);
 *                       empty when neither says
 * @param exclusions     the exclusion codes its rules may record, with their labels
 * @param countingRows   the comprehensive-determination counting rows
 * @param elementLists   named lists of its elements ({@code elementLists:} in standard.yaml), each a family of
 *                       elements one rule concludes alike, read with {@code campaign.elements("…")}
 * @param from           the first day the campaign applies it
 * @param to             the last day the campaign applies it, {@link LocalDate#MAX} when open-ended
 */
public record Standard(
        String id,
        String code,
        String document,
        Text title,
        String source,
        Text reminder,
        Map<String, Text> exclusions,
        List<CountingRow> countingRows,
        Map<String, List<Element>> elementLists,
        LocalDate from,
        LocalDate to) {

    public Standard {
        exclusions = Map.copyOf(exclusions);
        countingRows = List.copyOf(countingRows);
        java.util.Map<String, List<Element>> lists = new java.util.LinkedHashMap<>();
        elementLists.forEach((name, list) -> lists.put(name, List.copyOf(list)));
        elementLists = java.util.Collections.unmodifiableMap(lists);
        reminder = reminder == null ? Text.EMPTY : reminder;
    }

    /** This edition with {@code reminder} as what must happen before its suspected major hazards are final. */
    public Standard withReminder(Text reminder) {
        return new Standard(id, code, document, title, source, reminder, exclusions, countingRows, elementLists, from, to);
    }

    /** True when the campaign applies this edition on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    @Override
    public String toString() {
        return document + " (" + id + ", " + from + " – " + (to.equals(LocalDate.MAX) ? "" : to.toString()) + ")";
    }
}
