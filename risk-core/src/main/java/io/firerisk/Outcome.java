package io.firerisk;

/**
 * The result of one record in a batch: an assessment, or the reason the record was rejected. A
 * batch never drops a record: every input yields exactly one outcome, in input order.
 */
public sealed interface Outcome permits Outcome.Assessed, Outcome.Rejected {

    /** Position of the record in the batch, from 0. */
    long index();

    /** The venue id of the record, or an empty string when it had none. */
    String venueId();

    /** The record was assessed. */
    record Assessed(long index, Assessment assessment) implements Outcome {
        @Override
        public String venueId() {
            return assessment.venueId();
        }
    }

    /** The record could not be assessed; {@code error} says why. */
    record Rejected(long index, String venueId, AssessmentException error) implements Outcome {}
}
