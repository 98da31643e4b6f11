package io.firerisk;

/**
 * The clause of a campaign plan, statute or standard that a rule, action or classification
 * implements, with how sure the campaign is of its wording.
 *
 * @param id           the citation, for example {@code GB 35181-2017 6.5} or {@code 万州城管发〔2023〕114号 二(二)}
 * @param title        what the clause says, in short
 * @param verification how sure the campaign is of it
 */
public record ClauseRef(String id, Text title, Verification verification) {
    public ClauseRef {
        Checks.id("ClauseRef", "id", id);
        title = title == null ? Text.EMPTY : title;
        Checks.notNull("ClauseRef", "verification", verification);
    }

    public boolean verified() {
        return verification == Verification.VERIFIED;
    }

    @Override
    public String toString() {
        return verification == Verification.VERIFIED ? id : id + " [" + verification.mark() + "]";
    }
}
