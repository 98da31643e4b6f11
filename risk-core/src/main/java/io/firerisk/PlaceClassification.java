package io.firerisk;

/**
 * A place class the venue belongs to for this assessment, and where that comes from: a statute
 * (消防法 第七十三条) or the campaign's own reading (the Wanzhou plan treats offices as crowded).
 *
 * @param placeClass the class
 * @param source     {@code STATUTE}, {@code STANDARD} or {@code CAMPAIGN} for a row of the campaign's
 *                   place-class table; {@link #DECLARED} for a class the venue's record declares, on the
 *                   authority of the class's defining clause
 * @param clause     the clause that puts the venue (its kind, one of its uses, or the declaration) in the class
 *
 * <p>Rules see each classification of the assessment as a fact too, so an explanation can say
 * which classification a determination rests on and on whose authority.
 */
public record PlaceClassification(Label placeClass, String source, ClauseRef clause) {

    /** The source of a class the venue's record declares for itself. */
    public static final String DECLARED = "DECLARED";

    @Override
    public String toString() {
        return "place class " + placeClass.code() + " (" + source + ", " + clause.id() + ")";
    }
}
