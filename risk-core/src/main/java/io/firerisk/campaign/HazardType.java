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
 * @param category          the hazard category (drives the potential-accident estimate)
 * @param elements          the GB 35181 elements it can be evidence of (which one depends on the place; the rules decide)
 * @param clause            the clause that makes it a hazard
 * @param appliesTo         venue kinds or place classes it is meant for; empty means any
 * @param correctableOnSpot whether such a hazard can normally be corrected on the spot
 * @param rectifyDays       default days allowed to rectify it
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
        Optional<String> measure,
        Verification verification,
        String file,
        int line) {

    public HazardType {
        elements = List.copyOf(elements);
    }

    public static final String MEASURE_RATIO = "ratio";
    public static final String MEASURE_QUANTITY = "quantity";
}
