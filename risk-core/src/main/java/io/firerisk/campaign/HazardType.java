package io.firerisk.campaign;

import io.firerisk.Text;
import io.firerisk.Verification;

import java.util.List;
import java.util.Optional;

/**
 * A row of the hazard catalogue: something an inspector can report, by code.
 *
 * @param code              the code findings use
 * @param label             what it is
 * @param category          the hazard category
 * @param elements          the GB 35181 elements it can be evidence of (which one depends on the place; the rules decide)
 * @param clause            the clause that makes it a hazard
 * @param appliesTo         venue kinds or place classes it is meant for; empty means any
 * @param correctableOnSpot whether such a hazard can usually be corrected on the spot: a prompt for the
 *                          inspector, never a presumption that a finding was (or can be)
 * @param rectifyDays       the usual period to rectify it, in days from when it was found
 * @param minimumDays       the least the work needs, in days: a grade's or a key period's shorter
 *                          period never goes below it
 * @param likelihood        the row of the campaign's likelihood table an open finding of it sets, empty for none
 * @param grounds           the suspension grounds it can evidence (which one holds depends on the place; the rules decide)
 * @param measure           what a finding must measure for the criterion ({@code ratio}, {@code quantity}), if anything
 * @param verification      how sure the catalogue is of the criterion
 * @param file              the catalogue file it was read from
 * @param line              its line in that file
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
        Verification verification,
        String file,
        int line) {

    public HazardType {
        elements = List.copyOf(elements);
        likelihood = likelihood == null ? "" : likelihood;
        grounds = List.copyOf(grounds);
    }

    public static final String MEASURE_RATIO = "ratio";
    public static final String MEASURE_QUANTITY = "quantity";
}
