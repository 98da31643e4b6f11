package io.firerisk.rules;

import io.firerisk.campaign.CountingRow;
import io.firerisk.campaign.Standard;

import java.util.List;

/**
 * The edition of a standard in force on the assessment date, one fact per standard the campaign applies
 * on that date. Every rule of a standard joins it, so two editions live in one rule base and only the one
 * in force concludes anything:
 *
 * <pre>{@code
 * rule "5.2 直接判定 …"
 * when
 *     InForce(standard == "gb35181-2017")
 *     $e : ElementPresent(direct)
 * …
 * $in : InForce(standard == "gb35181-2017")
 * $row : CountingRow(appliesTo($v.placeClasses)) from $in.countingRows()
 * }</pre>
 *
 * @param standard the edition's id, such as {@code gb35181-2017}
 * @param document the edition as results name it, such as {@code GB 35181-2017}
 * @param countingRows its comprehensive-determination counting rows
 */
public record InForce(String standard, String document, List<CountingRow> countingRows) {

    public InForce {
        countingRows = List.copyOf(countingRows);
    }

    public static InForce of(Standard edition) {
        return new InForce(edition.id(), edition.document(), edition.countingRows());
    }

    /** As an explanation lists it among the facts a rule matched; the counting row the rule used is a fact of its own. */
    @Override
    public String toString() {
        return document + " in force";
    }
}
