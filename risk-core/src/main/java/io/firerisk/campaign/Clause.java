package io.firerisk.campaign;

import io.firerisk.ClauseRef;
import io.firerisk.Text;
import io.firerisk.Verification;

/**
 * A row of the campaign's clause table: a citation rules may use in {@code @clause}.
 *
 * @param id           the citation as rules write it
 * @param title        what the clause says, in short
 * @param source       the document it belongs to
 * @param campaignOnly it is the campaign plan's own requirement, so rules citing it fire only while
 *                     the campaign is in force; standing law and standards apply on any date
 * @param verification how sure the campaign is of its wording and number
 * @param note         why, where it was checked, what remains open
 */
public record Clause(String id, Text title, String source, boolean campaignOnly, Verification verification,
        String note) {

    public ClauseRef ref() {
        return new ClauseRef(id, title, verification);
    }
}
