package io.firerisk.ledger;

import java.time.LocalDate;

/**
 * An education activity a unit held ({@link Ledger#education(String)}).
 *
 * @param activityId   the record's id
 * @param unitId       the unit that held it
 * @param activity     its code in the campaign's {@code unitWork.education}
 * @param date         the day it was held
 * @param participants how many took part
 * @param note         what was done
 * @param recordedBy   who recorded it
 */
public record EducationView(String activityId, String unitId, String activity, LocalDate date, int participants,
        String note, String recordedBy) {}
