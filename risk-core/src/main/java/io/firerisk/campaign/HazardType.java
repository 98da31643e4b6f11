package io.firerisk.campaign;

import io.firerisk.Text;
import io.firerisk.Verification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A row of the hazard catalogue: something an inspector can report, by code.
 *
 * @param code              the code findings use
 * @param label             what it is
 * @param category          the hazard category
 * @param elements          the GB 35181 elements it can be evidence of (which one depends on the place; the rules decide)
 * @param clause            the clause that makes it a hazard; for a code two editions of a standard define, the
 *                          clause of the edition read last (the campaign's last in {@code standards:}): what a
 *                          date cites is {@link Campaign#hazardOn(String, java.time.LocalDate)}'s
 * @param appliesTo         venue kinds or place classes it is meant for; empty means any
 * @param correctableOnSpot whether such a hazard can usually be corrected on the spot: a prompt for the
 *                          inspector, never a presumption that a finding was (or can be)
 * @param rectifyDays       the usual period to rectify it, in days from when it was found
 * @param minimumDays       the least the work needs, in days: a grade's or a key period's shorter
 *                          period never goes below it
 * @param likelihood        the row of the campaign's likelihood table an open finding of it sets, empty for none
 * @param grounds           the suspension grounds it can evidence (which one holds depends on the place; the rules decide)
 * @param measure           what a finding must measure for the criterion ({@code ratio}, {@code quantity}), if anything
 * @param measureMeaning    what that number is (a ratio of what to what, a count of what), as the catalogue's
 *                          {@code measure_zh}/{@code measure_en} say it, for the person entering it; kept out of the
 *                          label, which grades and notices print
 * @param verification      how sure the catalogue is of the criterion (of the edition {@code clause} is of)
 * @param file              the catalogue file it was read from
 * @param line              its line in that file
 * @param editions          what each edition of a standard defining it says, by standard id ({@link Standard#id()}):
 *                          its clause and verification; empty for a code of the campaign's own catalogue
 */
public record HazardType(
        String code,
        Text label,
        String category,
        List<String> elements,
        String clause,
        List<String> appliesTo,
        boolean correctableOnSpot,
        int rectifyDays,
        int minimumDays,
        String likelihood,
        List<String> grounds,
        Optional<String> measure,
        Optional<Text> measureMeaning,
        Verification verification,
        String file,
        int line,
        Map<String, Edition> editions) {

    public HazardType {
        elements = List.copyOf(elements);
        likelihood = likelihood == null ? "" : likelihood;
        grounds = List.copyOf(grounds);
        editions = Collections.unmodifiableMap(new LinkedHashMap<>(editions));
    }

    /**
     * What one edition of a standard says of a code: the clause that makes it a hazard under that edition
     * and how sure the catalogue is of it.
     */
    public record Edition(String clause, Verification verification) {}

    /**
     * This hazard as edition {@code standard} defines it: that edition's clause and verification, the rest
     * unchanged (two editions sharing a code agree on it); this hazard itself when the edition does not define it.
     */
    public HazardType under(String standard) {
        Edition e = editions.get(standard);
        if (e == null || (e.clause().equals(clause) && e.verification() == verification)) {
            return this;
        }
        return new HazardType(code, label, category, elements, e.clause(), appliesTo, correctableOnSpot, rectifyDays,
                minimumDays, likelihood, grounds, measure, measureMeaning, e.verification(), file, line, editions);
    }

    public static final String MEASURE_RATIO = "ratio";
    public static final String MEASURE_QUANTITY = "quantity";
}
